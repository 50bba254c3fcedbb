## নির্দিষ্ট শব্দতালিকার নাম। সাইটের নিজের locales/bn/*.ftl এগুলো যোগ বা বদল করতে পারে।

## সপ্তাহের দিন
day-monday = সোমবার
day-tuesday = মঙ্গলবার
day-wednesday = বুধবার
day-thursday = বৃহস্পতিবার
day-friday = শুক্রবার
day-saturday = শনিবার
day-sunday = রবিবার

## সুবিধা
facility-step-free = ঢোকার পথে কোনো সিঁড়ি নেই
facility-accessible-toilet = হুইলচেয়ার ব্যবহারকারীদের জন্য টয়লেট
facility-baby-changing = শিশুর ন্যাপি বদলানোর জায়গা
facility-buggy-parking = বাগি রাখার জায়গা
facility-feeding-room = শিশুকে খাওয়ানোর জন্য শান্ত ঘর
facility-hearing-loop = কানে শোনার জন্য হিয়ারিং লুপ
facility-quiet-room = শান্ত ঘর
facility-prayer-room = প্রার্থনার ঘর
facility-garden = বাগান

## কার জন্য
audience-parents = বাবা-মা
audience-dads = বাবারা
audience-carers = যাঁরা শিশুর দেখাশোনা করেন
audience-pregnant = গর্ভবতী মায়েরা
audience-young-parents = অল্প বয়সী বাবা-মা
audience-children = শিশুরা

## স্টার্ট ফর লাইফ
offer-area-maternity = গর্ভাবস্থা ও সন্তান জন্ম
offer-area-health-visiting = হেলথ ভিজিটর
offer-area-infant-feeding = আপনার শিশুকে খাওয়ানো
offer-area-parent-infant-relationships = আপনি ও আপনার শিশু
offer-area-parenting = বাবা-মা হিসেবে সাহায্য
offer-area-early-language = কথা বলা, পড়া ও খেলা

## ভাষা
language-en = ইংরেজি
language-bn = বাংলা
language-so = সোমালি
language-ur = উর্দু
language-pa = পাঞ্জাবি
language-pl = পোলিশ
language-ar = আরবি
language-tr = তুর্কি
language-ro = রোমানিয়ান
language-es = স্প্যানিশ
language-fr = ফরাসি
language-syl = সিলেটি

## সেশনের ধরন
category-stay-and-play = থাকুন ও খেলুন
category-baby-group = শিশুদের দল
category-parenting-course = সন্তান লালন-পালনের কোর্স
category-feeding-support = খাওয়ানোয় সাহায্য
category-health-clinic = শিশু ক্লিনিক
category-talking-and-listening = কথা বলা ও শোনা
category-advice = পরামর্শ
category-special-needs-support = বিশেষ প্রয়োজনের শিশুদের জন্য সাহায্য
category-dads-group = বাবাদের দল
category-young-parents = অল্প বয়সী বাবা-মা
category-pregnancy-group = গর্ভবতী মায়েদের দল
category-music-and-rhymes = গান ও ছড়া
category-story-time = গল্পের সময়
category-active-play = ছোটাছুটি ও খেলা
category-wellbeing = নিজের যত্ন
category-english-classes = ইংরেজি ক্লাস
category-money-advice = টাকা-পয়সার বিষয়ে সাহায্য
