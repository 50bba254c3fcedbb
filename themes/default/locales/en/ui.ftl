## Words on every page of the default theme. Plain words, short sentences, no acronyms.

language-self = English
skip-to-content = Skip to the main part of the page
nav-home = Home
nav-places = Places
nav-start-for-life = Start for Life
nav-menu = Menu
choose-language = Choose your language
other-languages = This page in other languages
example-banner = This website is an example. The places, times and phone numbers are made up. Do not use it to find real help.
missing-translation = We have not put this page into English yet. Here it is in English for now.
checked-on = We checked this information on { $date }.
home-title = Help for families
home-intro = Free groups, advice and support for families with children and young people, from before birth to age 19.
home-places = Family hubs near you
home-start-for-life = Start for Life: help from pregnancy until your baby is 2
nav-about = About this website

place-family-hub = Family hub
place-spoke = A place where some groups meet
place-part-of = Part of { $hub }
address = Address
directions = Get directions
phone = Phone
call = Call { $phone }
email = Email
website = Website
getting-there = Getting there
opening-hours = Opening times
facilities = What is here
languages-spoken = Staff here speak
sessions-here = { $count ->
    [one] { $count } group or activity here
   *[other] { $count } groups and activities here
}
no-sessions-here = There are no groups here at the moment.

when = When
where = Where
who-for = Who it is for
ages = Ages
cost = Cost
how-to-join = How to join
run-by = Run by
online = Online
join-online = Join online
term-time-only = Term time only
starts-on = Starts on { $date }
ends-on = Last one on { $date }
not-on = Not on { $dates }

slot-every-week = Every { $days }, { $from } to { $to }
slot-every-2-weeks = Every other { $days }, { $from } to { $to }
slot-nth = { $nth ->
    [1] First
    [2] Second
    [3] Third
   *[4] Fourth
} { $days } of the month, { $from } to { $to }
slot-last = Last { $days } of the month, { $from } to { $to }
slot-once = { $date }, { $from } to { $to }
days-and = { $first } and { $second }

age-pregnancy = pregnancy
age-birth = birth
age-months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
age-years = { $n ->
    [one] { $n } year
   *[other] { $n } years
}
ages-range = From { $from } to { $to }
ages-from = From { $from }
ages-send = Up to { $age } for young people with special educational needs or disabilities

cost-free = Free
cost-paid = £{ $amount } { $per ->
    [child] for each child
    [family] for each family
    [course] for the whole course
   *[session] each time
}

booking-drop-in = Just come along. You do not need to book.
booking-book = You need to book a place.
booking-referral = Someone who works with your family, like a health visitor, needs to ask for a place for you.
book-by-phone = Book by phone: { $phone }
book-by-email = Book by email: { $email }
book-online = Book online
book-with-venue = Call the place to book: { $phone }

start-for-life-title = Start for Life
start-for-life-intro = Help for you and your baby, from pregnancy until your baby is 2 years old.
start-for-life-other = More help
contact = Get in touch
sessions-for-offer = Groups and activities

not-found-title = We cannot find this page
not-found-text = The page may have moved. Try the home page.

## Next dates of a session
next-dates = Next dates
occurrence = { $weekday } { $date }, { $from } to { $to }
no-next-dates = There are no dates coming up.

## The timetable
nav-timetable = What is on
timetable-title = What is on this week
timetable-intro = Groups and activities for the next 7 days, day by day.
timetable-today = Today, { $date }
timetable-count = { $count ->
    [0] Nothing is on this week
    [one] { $count } group or activity this week
   *[other] { $count } groups and activities this week
}
timetable-in = What is on in { $name } this week
timetable-for = { $name }: what is on this week
timetable-all = See everything on this week
timetable-by-area = Choose an area
timetable-by-kind = Choose a kind of activity
timetable-nothing = Nothing is on this day.
day-and-date = { $weekday } { $date }
time-range = { $from } to { $to }
home-today = What is on today, { $date }
home-today-more = { $count ->
    [one] See the { $count } thing on today, and the rest of the week
   *[other] See all { $count } things on today, and the rest of the week
}
home-by-need = Find help by what you need

## Start for Life on one page, to print
print-heading = Print or save
print-link = All of Start for Life on one page, to print
print-title = Start for Life: all our help on one page
print-intro = Help for you and your baby, from pregnancy until your baby is 2 years old. You can print this page or save it.
print-how = To print, use the print button in your web browser's menu.

## A date: day, month and year come in the language's own digits and month name.
date-long = { $day } { $month } { $year }

home-week = See what is on this week
## A long timetable over several pages
timetable-pages = More days
timetable-earlier = Earlier this week
timetable-later = Later this week

## Search
nav-search = Search
search-title = Search
search-intro = Find groups, places and help near you.
search-label = What are you looking for?
search-narrow = Choose what you need
search-kind = Kind of activity
search-any-kind = Any kind
search-age = Your child's age
search-any-age = Any age
search-age-pregnancy = Expecting a baby
search-age-baby = Under 1 year old
search-age-years = { $years ->
    [one] { $years } year old
   *[other] { $years } years old
}
search-day = Day
search-any-day = Any day
search-area = Area
search-anywhere = Anywhere
search-free = Free only
search-start-for-life = Only help for pregnancy and babies
search-button = Search
search-found-one = We found 1 thing.
search-found = We found { $count } things.
search-none = We found nothing. Try a shorter word, or fewer choices.
search-more = Show more
search-failed = Search is not working just now. Please use the lists below.
search-wait = Looking…
search-next = Next: { $when }
search-by-day = Choose a day

## Adding to a calendar, and showing pages on other websites
more-dates = More dates in the next 12 weeks
add-to-calendar = Add to your calendar
add-place-to-calendar = Add everything on here to your calendar
embed-heading = Show this on your website
embed-help = Copy this code into your web page. It shows this page, and it changes when we change this page.
embed-see-more = See more on { $site }
