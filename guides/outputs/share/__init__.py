"""What leaves the site for WeChat, SMS and notice boards (issue 14).

Each published guide page `P` gets a folder `P/share/`: long images, the share card and
the poster (w-images), the official-account article and the broadcast text (article.py,
broadcast.py), and `share.json` (manifest.py), written last, listing what is there.
Everything here works on the finished site folder and the content model: no MkDocs.
"""
