-- Where each collected post's published time came from: feed, sitemap, listing (the index's date),
-- meta, json-ld, time (the article page's markup), url (a day in the address) or text (the page's
-- words); NULL when no date was found (first_seen_at stands in) and for posts made before this.
ALTER TABLE posts ADD COLUMN published_source VARCHAR;

-- Per-source overrides an admin sets on /nguon (docs/collect-listing.md): encoding, date field order,
-- article content selector, poll interval. JSON; NULL = automatic.
ALTER TABLE sources ADD COLUMN overrides_json VARCHAR;
