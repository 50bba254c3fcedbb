## Magacyada ereyada go'an. Goobta locales/so/*.ftl way ku dari kartaa ama beddeli kartaa.

## Maalmaha toddobaadka
day-monday = Isniin
day-tuesday = Talaado
day-wednesday = Arbaco
day-thursday = Khamiis
day-friday = Jimce
day-saturday = Sabti
day-sunday = Axad

## Adeegyada dhismaha
facility-step-free = Laga galo iyadoo aan jaranjaro jirin
facility-accessible-toilet = Musqul loogu talagalay kursiga curyaamiinta
facility-baby-changing = Meel lagu beddelo xafaayadda ilmaha
facility-buggy-parking = Meel lagu dhigo gaariga ilmaha
facility-feeding-room = Qol deggan oo lagu quudiyo ilmaha
facility-hearing-loop = Qalab maqalka lagu caawiyo
facility-quiet-room = Qol deggan
facility-prayer-room = Qol lagu tukado
facility-garden = Beer

## Cidda loogu talagalay
audience-parents = Waalidiinta
audience-dads = Aabayaasha
audience-carers = Daryeelayaasha
audience-pregnant = Dadka uurka leh
audience-young-parents = Waalidiinta da'da yar
audience-children = Carruurta

## Start for Life
offer-area-maternity = Uurka iyo dhalmada
offer-area-health-visiting = Kalkaaliyayaasha caafimaadka ee guriga yimaada
offer-area-infant-feeding = Quudinta ilmahaaga
offer-area-parent-infant-relationships = Adiga iyo ilmahaaga
offer-area-parenting = Caawimaad xagga waalidnimada
offer-area-early-language = Hadal, akhris iyo ciyaar

## Luqadaha
language-en = Ingiriisi
language-bn = Bangaali
language-so = Soomaali
language-ur = Urduu
language-pa = Banjaabi
language-pl = Boolish
language-ar = Carabi
language-tr = Turki
language-ro = Romaaniyaan
language-es = Isbaanish
language-fr = Faransiis
language-syl = Silheeti

## Noocyada kulamada
category-stay-and-play = Joog oo ciyaar
category-baby-group = Kooxaha ilmaha
category-parenting-course = Koorsooyinka waalidnimada
category-feeding-support = Caawimaad xagga quudinta
category-health-clinic = Rugta caafimaadka ilmaha
category-talking-and-listening = Hadal iyo dhegaysi
category-advice = Talo
category-special-needs-support = Caawimaad carruurta baahiyo gaar ah qaba
category-dads-group = Kooxaha aabayaasha
category-young-parents = Waalidiinta da'da yar
category-pregnancy-group = Kooxaha hooyooyinka uurka leh
category-music-and-rhymes = Muusig iyo heeso
category-story-time = Waqtiga sheekada
category-active-play = Ciyaar firfircoon
category-wellbeing = Daryeelka naftaada
category-english-classes = Fasallada Ingiriisiga
category-money-advice = Caawimaad xagga lacagta
