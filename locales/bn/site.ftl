# ইস্টব্রুকের নিজের নাম: এলাকা এবং একটি বাড়তি ধরন।
site-title = ইস্টব্রুক ফ্যামিলি হাব

locality-northfield = নর্থফিল্ড
locality-canal-side = ক্যানাল সাইড
locality-old-town = ওল্ড টাউন
locality-parkview = পার্কভিউ

category-community-lunch = সবাই মিলে দুপুরের খাবার
