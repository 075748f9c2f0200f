"""Publishing targets: a folder of releases (guides/publishing/local.py) and S3-compatible object
storage (s3.py). Both decide what changed with manifest.py."""
