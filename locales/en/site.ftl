# Eastbrook's own labels: its localities and the one category it adds.
site-title = Eastbrook Family Hubs

locality-northfield = Northfield
locality-canal-side = Canal Side
locality-old-town = Old Town
locality-parkview = Parkview

category-community-lunch = Community lunch
