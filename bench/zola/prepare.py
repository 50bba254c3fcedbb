"""Gives Zola the entries of a generated hubsite site, for bench/compare: `python3 prepare.py SITE ZOLA_SITE`.

Zola drops front-matter fields of its own making unless they are under [extra], and writes one `index.html` per
page, so each entry is written four times: as itself (hubs/, spokes/, sessions/), and as a page of embed/,
calendar/ and open-data/, whose sections give it the template of the copy for partners, the iCalendar text or the
JSON record. Hugo makes the same four files from one entry with its output formats (bench/hugo/config.toml). A
session's place becomes a `venues` term, so a place's page lists its sessions as Hugo's does, and the folder its
place is in is noted, since a Zola template cannot ask whether a page exists.
"""

import pathlib
import sys
import tomllib

KINDS = ["hubs", "spokes", "sessions"]
COPIES = {"embed": "embed.html", "calendar": "calendar.html", "open-data": "record.html"}
LANGS = ["", ".bn", ".so"]


def front_matter(text):
    """The front matter's lines and the body after it."""
    _, head, body = text.split("+++\n", 2)
    return head.splitlines(), body


def main(site, out):
    content = pathlib.Path(site) / "content"
    places = {p.name.split(".")[0]: kind for kind in ["hubs", "spokes"] for p in (content / kind).glob("*.md")}
    for section, title in [(k, k.capitalize()) for k in KINDS] + [(c, c) for c in COPIES]:
        folder = out / "content" / section
        folder.mkdir(parents=True, exist_ok=True)
        extra = "paginate_by = 150\nsort_by = \"title\"\n"
        if section in COPIES:
            extra = f"render = false\npage_template = \"{COPIES[section]}\"\n"
        for lang in LANGS:
            (folder / f"_index{lang}.md").write_text(f"+++\ntitle = \"{title}\"\n{extra}+++\n")
    for lang in LANGS:
        (out / "content" / f"_index{lang}.md").write_text("+++\n+++\n")
    for kind in KINDS:
        for path in sorted((content / kind).glob("*.md")):
            lines, body = front_matter(path.read_text())
            fields = tomllib.loads("\n".join(lines))
            title = [l for l in lines if l.startswith("title = ")]
            rest = [l for l in lines if not l.startswith("title = ")]
            top = title[:]
            venue = fields.get("venue")
            if venue:
                top.append(f"taxonomies = {{ venues = [\"{venue}\"] }}")
                rest.append(f"venue_page = \"{places.get(venue, 'hubs')}/{venue}.md\"")
            rest.append(f"kind = \"{kind}\"")
            text = "+++\n" + "\n".join(top + ["[extra]"] + rest) + "\n+++\n" + body
            (out / "content" / kind / path.name).write_text(text)
            # The copies carry no term, so a place lists each session once.
            copy = "+++\n" + "\n".join(title + ["[extra]"] + rest) + "\n+++\n" + body
            for section in COPIES:
                (out / "content" / section / path.name).write_text(copy)


if __name__ == "__main__":
    main(sys.argv[1], pathlib.Path(sys.argv[2]))
