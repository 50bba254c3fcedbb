## ডিফল্ট থিমের প্রতিটি পাতার শব্দ। সহজ শব্দ, ছোট বাক্য।

language-self = বাংলা
skip-to-content = পাতার মূল অংশে যান
nav-home = প্রথম পাতা
nav-places = জায়গা
nav-start-for-life = স্টার্ট ফর লাইফ
nav-menu = মেনু
choose-language = আপনার ভাষা বেছে নিন
other-languages = এই পাতা অন্য ভাষায়
example-banner = এই ওয়েবসাইটটি একটি উদাহরণ। জায়গা, সময় ও ফোন নম্বর বানানো। আসল সাহায্য খুঁজতে এটি ব্যবহার করবেন না।
missing-translation = এই পাতাটি এখনো বাংলায় অনুবাদ করা হয়নি। আপাতত এটি ইংরেজিতে দেওয়া হলো।
checked-on = আমরা এই তথ্য { $date } তারিখে যাচাই করেছি।
home-title = পরিবারের জন্য সাহায্য
home-intro = জন্মের আগে থেকে ১৯ বছর বয়স পর্যন্ত শিশু ও তরুণদের পরিবারের জন্য বিনামূল্যে দল, পরামর্শ ও সাহায্য।
home-places = আপনার কাছের ফ্যামিলি হাব
home-start-for-life = স্টার্ট ফর লাইফ: গর্ভাবস্থা থেকে আপনার শিশুর ২ বছর বয়স পর্যন্ত সাহায্য
nav-about = এই ওয়েবসাইট সম্পর্কে

place-family-hub = ফ্যামিলি হাব
place-spoke = একটি জায়গা যেখানে কিছু দল মিলিত হয়
place-part-of = { $hub }-এর অংশ
address = ঠিকানা
directions = যাওয়ার পথ দেখুন
phone = ফোন
call = ফোন করুন { $phone }
email = ইমেইল
website = ওয়েবসাইট
getting-there = কীভাবে যাবেন
opening-hours = খোলার সময়
facilities = এখানে যা আছে
languages-spoken = এখানকার কর্মীরা যে ভাষায় কথা বলেন
sessions-here = { $count ->
    [one] এখানে { $count }টি দল বা কাজ
   *[other] এখানে { $count }টি দল ও কাজ
}
no-sessions-here = এই মুহূর্তে এখানে কোনো দল নেই।

when = কখন
where = কোথায়
who-for = কার জন্য
ages = বয়স
cost = খরচ
how-to-join = কীভাবে যোগ দেবেন
run-by = পরিচালনা করে
online = অনলাইনে
join-online = অনলাইনে যোগ দিন
term-time-only = শুধু স্কুল খোলা থাকার সময়
starts-on = শুরু { $date }
ends-on = শেষ দিন { $date }
not-on = এই দিনগুলোতে হবে না: { $dates }

slot-every-week = প্রতি { $days }, { $from } থেকে { $to }
slot-every-2-weeks = এক সপ্তাহ পর পর { $days }, { $from } থেকে { $to }
slot-nth = মাসের { $nth ->
    [1] প্রথম
    [2] দ্বিতীয়
    [3] তৃতীয়
   *[4] চতুর্থ
} { $days }, { $from } থেকে { $to }
slot-last = মাসের শেষ { $days }, { $from } থেকে { $to }
slot-once = { $date }, { $from } থেকে { $to }
days-and = { $first } ও { $second }

age-pregnancy = গর্ভাবস্থা
age-birth = জন্ম
age-months = { $n ->
    [one] { $n } মাস
   *[other] { $n } মাস
}
age-years = { $n ->
    [one] { $n } বছর
   *[other] { $n } বছর
}
ages-range = { $from } থেকে { $to }
ages-from = { $from } থেকে
ages-send = বিশেষ শিক্ষাগত চাহিদা বা প্রতিবন্ধিতা থাকা তরুণদের জন্য { $age } পর্যন্ত

cost-free = বিনামূল্যে
cost-paid = £{ $amount } { $per ->
    [child] প্রতি শিশু
    [family] প্রতি পরিবার
    [course] পুরো কোর্সের জন্য
   *[session] প্রতিবার
}

booking-drop-in = শুধু চলে আসুন। বুক করতে হবে না।
booking-book = আপনাকে একটি জায়গা বুক করতে হবে।
booking-referral = আপনার পরিবারের সাথে কাজ করেন এমন কেউ, যেমন হেলথ ভিজিটর, আপনার জন্য জায়গা চাইবেন।
book-by-phone = ফোনে বুক করুন: { $phone }
book-by-email = ইমেইলে বুক করুন: { $email }
book-online = অনলাইনে বুক করুন
book-with-venue = বুক করতে জায়গাটিতে ফোন করুন: { $phone }

start-for-life-title = স্টার্ট ফর লাইফ
start-for-life-intro = গর্ভাবস্থা থেকে আপনার শিশুর ২ বছর বয়স পর্যন্ত আপনার ও আপনার শিশুর জন্য সাহায্য।
start-for-life-other = আরও সাহায্য
contact = যোগাযোগ করুন
sessions-for-offer = দল ও কাজ

not-found-title = আমরা এই পাতাটি খুঁজে পাচ্ছি না
not-found-text = পাতাটি হয়তো সরানো হয়েছে। প্রথম পাতায় চেষ্টা করুন।

## Next dates of a session
next-dates = পরের তারিখগুলো
occurrence = { $weekday }, { $date }, { $from } থেকে { $to }
no-next-dates = সামনে কোনো তারিখ নেই।

## The timetable
nav-timetable = কী হচ্ছে
timetable-title = এই সপ্তাহে কী হচ্ছে
timetable-intro = আগামী ৭ দিনে কোন দিন কী আছে।
timetable-today = আজ, { $date }
timetable-count = { $count ->
    [0] এই সপ্তাহে কিছু নেই
    [one] এই সপ্তাহে { $count }টি দল বা আয়োজন
   *[other] এই সপ্তাহে { $count }টি দল ও আয়োজন
}
timetable-in = এই সপ্তাহে { $name } এলাকায় কী হচ্ছে
timetable-for = { $name }: এই সপ্তাহে কী হচ্ছে
timetable-all = এই সপ্তাহের সব কিছু দেখুন
timetable-by-area = একটি এলাকা বেছে নিন
timetable-by-kind = কাজের ধরন বেছে নিন
timetable-nothing = এই দিনে কিছু নেই।
day-and-date = { $weekday }, { $date }
time-range = { $from } থেকে { $to }
home-today = আজ কী হচ্ছে, { $date }
home-today-more = { $count ->
    [one] আজকের { $count }টি আয়োজন আর সপ্তাহের বাকি দিনগুলো দেখুন
   *[other] আজকের { $count }টি আয়োজন আর সপ্তাহের বাকি দিনগুলো দেখুন
}
home-by-need = আপনার যা দরকার সেই অনুযায়ী সাহায্য খুঁজুন

## Start for Life on one page, to print
print-heading = প্রিন্ট বা সেভ করুন
print-link = স্টার্ট ফর লাইফের সব কিছু এক পাতায়, প্রিন্ট করার জন্য
print-title = স্টার্ট ফর লাইফ: আমাদের সব সাহায্য এক পাতায়
print-intro = গর্ভাবস্থা থেকে আপনার শিশুর ২ বছর বয়স পর্যন্ত আপনার ও আপনার শিশুর জন্য সাহায্য। আপনি এই পাতাটি প্রিন্ট বা সেভ করতে পারেন।
print-how = প্রিন্ট করতে, আপনার ব্রাউজারের মেনুতে প্রিন্ট বোতাম ব্যবহার করুন।

## A date: day, month and year come in the language's own digits and month name.
date-long = { $day } { $month }, { $year }

home-week = এই সপ্তাহে কী হচ্ছে দেখুন
## A long timetable over several pages
timetable-pages = আরও দিন
timetable-earlier = এই সপ্তাহের আগের দিনগুলো
timetable-later = এই সপ্তাহের পরের দিনগুলো

## Search
nav-search = খুঁজুন
search-title = খুঁজুন
search-intro = আপনার কাছের দল, জায়গা আর সাহায্য খুঁজুন।
search-label = আপনি কী খুঁজছেন?
search-narrow = যা দরকার তা বেছে নিন
search-kind = কাজের ধরন
search-any-kind = যেকোনো ধরন
search-age = আপনার শিশুর বয়স
search-any-age = যেকোনো বয়স
search-age-pregnancy = গর্ভাবস্থায়
search-age-baby = এক বছরের কম
search-age-years = { $years } বছর
search-day = দিন
search-any-day = যেকোনো দিন
search-area = এলাকা
search-anywhere = যেকোনো এলাকা
search-free = শুধু বিনামূল্যের
search-start-for-life = শুধু গর্ভাবস্থা আর ছোট শিশুর জন্য সাহায্য
search-button = খুঁজুন
search-found-one = একটি জিনিস পাওয়া গেছে।
search-found = { $count }টি জিনিস পাওয়া গেছে।
search-none = কিছু পাওয়া যায়নি। ছোট শব্দ লিখুন, বা কম জিনিস বেছে নিন।
search-more = আরও দেখুন
search-failed = খোঁজা এখন কাজ করছে না। নিচের তালিকাগুলো দেখুন।
search-wait = খোঁজা হচ্ছে…
search-next = পরের বার: { $when }
search-by-day = একটি দিন বেছে নিন

## Adding to a calendar, and showing pages on other websites
more-dates = আগামী ১২ সপ্তাহের আরও তারিখ
add-to-calendar = আপনার ক্যালেন্ডারে যোগ করুন
add-place-to-calendar = এখানকার সব কিছু আপনার ক্যালেন্ডারে যোগ করুন
embed-heading = আপনার ওয়েবসাইটে এটি দেখান
embed-help = এই কোডটি কপি করে আপনার ওয়েব পেজে বসান। এটি এই পাতাটি দেখায়, আর আমরা এই পাতা বদলালে এটিও বদলে যায়।
embed-see-more = { $site }-এ আরও দেখুন
