"""What leaves the site for WeChat and notice boards (issue 14): long images, posters,
share cards, articles and broadcast texts, made from the built pages. No MkDocs here."""
