## Erayada bog kasta oo ku jira qaabka caadiga ah. Erayo fudud, jumlado gaagaaban.

language-self = Soomaali
skip-to-content = U gudub qaybta ugu muhiimsan ee bogga
nav-home = Bogga hore
nav-places = Goobaha
nav-start-for-life = Start for Life
nav-menu = Liiska
choose-language = Dooro luqaddaada
other-languages = Boggan oo luqado kale ah
example-banner = Websaydhkani waa tusaale. Goobaha, waqtiyada iyo lambarada telefoonka waa la sameeyay. Ha u isticmaalin inaad hesho caawimaad dhab ah.
missing-translation = Boggan weli looma turjumin Soomaali. Hadda waa Ingiriisi.
checked-on = Macluumaadkan waxaan hubinay { $date }.
home-title = Caawimaad qoysaska
home-intro = Kooxo bilaash ah, talo iyo taageero qoysaska leh carruur iyo dhallinyaro, laga bilaabo uurka ilaa 19 jir.
home-places = Xarumaha qoysaska ee kuu dhow
home-start-for-life = Start for Life: caawimaad laga bilaabo uurka ilaa ilmahaagu ka gaaro 2 sano
nav-about = Ku saabsan websaydhkan

place-family-hub = Xarunta qoyska
place-spoke = Goob ay kooxo qaarkood ku kulmaan
place-part-of = Qayb ka mid ah { $hub }
address = Cinwaanka
directions = Hel jihada
phone = Telefoon
call = Wac { $phone }
email = Iimeel
website = Websayd
getting-there = Sida loo yimaado
opening-hours = Saacadaha furitaanka
facilities = Waxa halkan yaal
languages-spoken = Shaqaalaha halkan waxay ku hadlaan
sessions-here = { $count ->
    [one] { $count } koox ama hawl halkan ka dhacda
   *[other] { $count } kooxood iyo hawlo halkan ka dhaca
}
no-sessions-here = Hadda halkan koox kama jirto.

when = Goorma
where = Halkee
who-for = Cidda loogu talagalay
ages = Da'da
cost = Qiimaha
how-to-join = Sida loo soo biiro
run-by = Waxaa maamula
online = Online
join-online = Ku soo biir online
term-time-only = Kaliya marka dugsiyadu furan yihiin
starts-on = Wuxuu bilaabmayaa { $date }
ends-on = Kan ugu dambeeya { $date }
not-on = Ma jiro { $dates }

slot-every-week = { $days } kasta, { $from } ilaa { $to }
slot-every-2-weeks = { $days } labadii toddobaadba mar, { $from } ilaa { $to }
slot-nth = { $days } { $nth ->
    [1] ugu horreeya
    [2] labaad
    [3] saddexaad
   *[4] afraad
} ee bisha, { $from } ilaa { $to }
slot-last = { $days } ugu dambeeya ee bisha, { $from } ilaa { $to }
slot-once = { $date }, { $from } ilaa { $to }
days-and = { $first } iyo { $second }

age-pregnancy = uurka
age-birth = dhalashada
age-months = { $n ->
    [one] { $n } bil
   *[other] { $n } bilood
}
age-years = { $n ->
    [one] { $n } sano
   *[other] { $n } sano
}
ages-range = Laga bilaabo { $from } ilaa { $to }
ages-from = Laga bilaabo { $from }
ages-send = Ilaa { $age } dhallinyarada qaba baahiyo waxbarasho oo gaar ah ama naafonimo

cost-free = Bilaash
cost-paid = £{ $amount } { $per ->
    [child] ilmo kasta
    [family] qoys kasta
    [course] koorsada oo dhan
   *[session] mar kasta
}

booking-drop-in = Kaliya imow. Uma baahnid inaad ballan qabsato.
booking-book = Waa inaad boos ballansataa.
booking-referral = Qof la shaqeeya qoyskaaga, sida kalkaalisada caafimaadka, ayaa kuu codsanaya boos.
book-by-phone = Ku ballanso telefoon: { $phone }
book-by-email = Ku ballanso iimeel: { $email }
book-online = Ku ballanso online
book-with-venue = Wac goobta si aad u ballansato: { $phone }

start-for-life-title = Start for Life
start-for-life-intro = Caawimaad adiga iyo ilmahaaga, laga bilaabo uurka ilaa ilmahaagu ka gaaro 2 sano.
start-for-life-other = Caawimaad kale
contact = La soo xiriir
sessions-for-offer = Kooxo iyo hawlo

not-found-title = Ma helno boggan
not-found-text = Boggu waxaa laga yaabaa inuu guuray. Isku day bogga hore.

## Next dates of a session
next-dates = Taariikhaha soo socda
occurrence = { $weekday }, { $date }, { $from } ilaa { $to }
no-next-dates = Ma jiraan taariikho soo socda.

## The timetable
nav-timetable = Waxa socda
timetable-title = Waxa socda toddobaadkan
timetable-intro = Kooxaha iyo hawlaha 7da maalmood ee soo socda, maalin maalin.
timetable-today = Maanta, { $date }
timetable-count = { $count ->
    [0] Toddobaadkan waxba ma jiraan
    [one] { $count } koox ama hawl toddobaadkan
   *[other] { $count } kooxood iyo hawlood toddobaadkan
}
timetable-in = Waxa ka socda { $name } toddobaadkan
timetable-for = { $name }: waxa socda toddobaadkan
timetable-all = Arag wax kasta oo socda toddobaadkan
timetable-by-area = Dooro xaafad
timetable-by-kind = Dooro nooca hawsha
timetable-nothing = Maalintan waxba ma jiraan.
day-and-date = { $weekday }, { $date }
time-range = { $from } ilaa { $to }
home-today = Maanta waxa socda, { $date }
home-today-more = { $count ->
    [one] Arag { $count }-da hawlood ee maanta iyo inta kale ee toddobaadka
   *[other] Arag dhammaan { $count }-da hawlood ee maanta iyo inta kale ee toddobaadka
}
home-by-need = Caawimaad ka hel waxa aad u baahan tahay

## Start for Life on one page, to print
print-heading = Daabac ama kaydi
print-link = Start for Life oo dhan, hal bog ku qoran, si aad u daabacdo
print-title = Start for Life: dhammaan caawimaaddayada hal bog
print-intro = Caawimaad adiga iyo ilmahaaga, laga bilaabo uurka ilaa ilmahaagu ka gaaro 2 sano. Waad daabici kartaa boggan ama kaydin kartaa.
print-how = Si aad u daabacdo, isticmaal badhanka daabacaadda ee liiska biraawsarkaaga.

## A date: day, month and year come in the language's own digits and month name.
date-long = { $day } { $month } { $year }

home-week = Arag waxa socda toddobaadkan
## A long timetable over several pages
timetable-pages = Maalmo kale
timetable-earlier = Maalmaha hore ee toddobaadkan
timetable-later = Maalmaha dambe ee toddobaadkan

## Search
nav-search = Raadi
search-title = Raadi
search-intro = Ka hel kooxo, goobo iyo caawimaad kuu dhow.
search-label = Maxaad raadinaysaa?
search-narrow = Dooro waxaad u baahan tahay
search-kind = Nooca hawsha
search-any-kind = Nooc kasta
search-age = Da'da ilmahaaga
search-any-age = Da' kasta
search-age-pregnancy = Uur baad leedahay
search-age-baby = Ka yar hal sano
search-age-years = { $years } sano jir
search-day = Maalinta
search-any-day = Maalin kasta
search-area = Xaafadda
search-anywhere = Meel kasta
search-free = Kuwa bilaashka ah oo keliya
search-start-for-life = Caawimaadda uurka iyo ilmaha yar oo keliya
search-button = Raadi
search-found-one = Hal shay ayaa la helay.
search-found = { $count } shay ayaa la helay.
search-none = Waxba lama helin. Isku day eray gaaban, ama wax yar dooro.
search-more = Tus wax kale
search-failed = Raadintu hadda ma shaqaynayso. Fadlan eeg liisaska hoose.
search-wait = Waa la raadinayaa…
search-next = Marka xigta: { $when }
search-by-day = Dooro maalin

## Adding to a calendar, and showing pages on other websites
more-dates = Taariikho kale oo 12-ka toddobaad ee soo socda ah
add-to-calendar = Ku dar kalandarkaaga
add-place-to-calendar = Ku dar kalandarkaaga wax kasta oo halkan ka dhaca
embed-heading = Tan ku muuji boggaaga internetka
embed-help = Koobi garee koodhkan oo ku dheji boggaaga. Wuxuu muujinayaa boggan, wuuna isbeddelaa marka aan boggan beddelno.
embed-see-more = Wax badan ka eeg { $site }
