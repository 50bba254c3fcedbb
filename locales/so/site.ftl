# Magacyada Eastbrook: xaafadaha iyo hal nooc oo dheeri ah.
site-title = Xarumaha Qoysaska ee Eastbrook

locality-northfield = Northfield
locality-canal-side = Canal Side
locality-old-town = Old Town
locality-parkview = Parkview

category-community-lunch = Qado bulsho oo wadaag ah
