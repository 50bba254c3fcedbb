## Labels for the fixed vocabularies. A site's own locales/en/*.ftl may add to or replace these.

## Days of the week
day-monday = Monday
day-tuesday = Tuesday
day-wednesday = Wednesday
day-thursday = Thursday
day-friday = Friday
day-saturday = Saturday
day-sunday = Sunday

## Facilities
facility-step-free = No steps to get in
facility-accessible-toilet = Toilet for wheelchair users
facility-baby-changing = Baby changing
facility-buggy-parking = Space to leave your buggy
facility-feeding-room = Quiet room to feed your baby
facility-hearing-loop = Hearing loop
facility-quiet-room = Quiet room
facility-prayer-room = Prayer room
facility-garden = Garden

## Who a session is for
audience-parents = Parents
audience-dads = Dads
audience-carers = Carers
audience-pregnant = People who are pregnant
audience-young-parents = Young parents
audience-children = Children

## Start for Life areas
offer-area-maternity = Pregnancy and birth
offer-area-health-visiting = Health visitors
offer-area-infant-feeding = Feeding your baby
offer-area-parent-infant-relationships = You and your baby
offer-area-parenting = Help with being a parent
offer-area-early-language = Talking, reading and play

## Languages
language-en = English
language-bn = Bengali
language-so = Somali
language-ur = Urdu
language-pa = Punjabi
language-pl = Polish
language-ar = Arabic
language-tr = Turkish
language-ro = Romanian
language-es = Spanish
language-fr = French
language-syl = Sylheti

## Kinds of session
category-stay-and-play = Stay and play
category-baby-group = Baby groups
category-parenting-course = Parenting courses
category-feeding-support = Help with feeding
category-health-clinic = Baby clinics
category-talking-and-listening = Talking and listening
category-advice = Advice
category-special-needs-support = Help for children with extra needs
category-dads-group = Dads' groups
category-young-parents = Young parents
category-pregnancy-group = Pregnancy groups
category-music-and-rhymes = Music and rhymes
category-story-time = Story time
category-active-play = Active play
category-wellbeing = Looking after yourself
category-english-classes = English classes
category-money-advice = Help with money
