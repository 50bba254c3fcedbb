//! The text of a markdown body as families read it, block by block, with the way back to where each part is
//! written.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// One paragraph, heading, list item or table cell: its text, and where each part of it is in the markdown.
#[derive(Debug, Default)]
pub struct Block {
    pub text: String,
    pieces: Vec<Piece>,
}

#[derive(Debug)]
struct Piece {
    /// Where the piece starts in the block's text.
    at: usize,
    /// Where it starts in the markdown.
    src: usize,
    len: usize,
    /// The markdown has the same bytes as the text (no escapes or entities in it), so positions inside it match.
    exact: bool,
}

impl Block {
    /// Where a position in the block's text is in the markdown: exact inside a piece written as it reads,
    /// else the start of its piece.
    pub fn to_source(&self, i: usize) -> usize {
        let k = self.pieces.partition_point(|p| p.at <= i).saturating_sub(1);
        match self.pieces.get(k) {
            Some(p) if p.exact && i < p.at + p.len => p.src + (i - p.at),
            Some(p) => p.src,
            None => 0,
        }
    }

    fn push(&mut self, text: &str, src: usize, exact: bool) {
        self.pieces.push(Piece {
            at: self.text.len(),
            src,
            len: text.len(),
            exact,
        });
        self.text.push_str(text);
    }
}

/// The blocks of a markdown text, in order. Raw HTML is left out, as it never reaches a page.
pub fn blocks(md: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut block = Block::default();
    let flush = |block: &mut Block, out: &mut Vec<Block>| {
        if !block.text.trim().is_empty() {
            out.push(std::mem::take(block));
        } else {
            *block = Block::default();
        }
    };
    for (event, range) in Parser::new_ext(md, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => {
                let raw = md.get(range.clone()).unwrap_or("");
                match raw.find(t.as_ref()) {
                    Some(i) => block.push(&t, range.start + i, true),
                    None => block.push(&t, range.start, false),
                }
            }
            Event::SoftBreak | Event::HardBreak => block.text.push(' '),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell | Tag::CodeBlock(_))
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) => flush(&mut block, &mut out),
            _ => {}
        }
    }
    flush(&mut block, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_map_back_to_the_markdown() {
        let md = "# Baby **CAMHS** group\n\nCome to [the DfE](https://x.example) room.\nBring a towel.\n\n- one &amp; KPI\n- two\n\n<div>HTML</div>\n";
        let b = blocks(md);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Baby CAMHS group",
                "Come to the DfE room. Bring a towel.",
                "one & KPI",
                "two"
            ]
        );
        let at = |k: usize, word: &str| b[k].to_source(b[k].text.find(word).unwrap_or(0));
        assert_eq!(&md[at(0, "CAMHS")..][..5], "CAMHS");
        assert_eq!(&md[at(1, "DfE")..][..3], "DfE");
        assert_eq!(&md[at(1, "towel")..][..5], "towel");
        assert_eq!(&md[at(2, "KPI")..][..3], "KPI");
    }
}
