"""The store's schema, only ever changed through `sqlite_utils.Migrations`.

A migration, once released, is never edited: add a new one. The set's name doubles as the mark
that a file is a briefer store; a file with a migration this code does not know was written by a
newer briefer and is refused.

Design notes for the importers that build on this:
- `events` keeps every dataset (ACLED, UCDP, an organisation's log, synthetic data) side by side,
  keyed by (dataset_id, external_id) so re-imports update in place; counts are never mixed across
  datasets. `topic_mask` holds one bit per topic (see `topics.bit`), computed from `topic_rules`.
- The selection reads derived tables, clustered on (topic bit, country, date) so it touches only
  its own rows: `topic_daily` (daily counts and fatalities by event type and admin1),
  `event_index` (one row per topic and event, for actors and the incident list) and
  `context_daily` (daily political violence by event type, whatever the topic). They are rebuilt
  by `writes.index_events` whenever events or topic masks change.
- `sources` holds documents and references alike; `content_hash` spots duplicate documents.
- `quotations` and `figures` point at a source with a locator and optional character offsets.
- `boundaries` (0002) holds admin-1 outlines imported from an organisation's GeoJSON file.
- `actor_aliases`, `admin1_aliases`, `import_profiles` (0004) hold what the user curates.
- `imports.message_fr` (0005): the import log's line in French beside the English `message`.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "briefer"
migrations = Migrations(MIGRATION_SET)

FTS_TOKENIZE = "unicode61 remove_diacritics 2"


@migrations(name="0001_core")
def m0001_core(db: Database) -> None:
    """Countries, topics, datasets, events, sources, quotations, figures, saved briefings."""
    for statement in _CORE_SQL.split(";\n"):
        if statement.strip():
            db.execute(statement)
    db.table("quotations").enable_fts(["text", "speaker"], tokenize=FTS_TOKENIZE, create_triggers=True)
    db.table("sources").enable_fts(
        ["title", "authors", "publisher", "full_text"], tokenize=FTS_TOKENIZE, create_triggers=True
    )


_CORE_SQL = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE countries (
    iso3 TEXT PRIMARY KEY,
    iso2 TEXT NOT NULL UNIQUE,
    numeric TEXT,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    region TEXT NOT NULL DEFAULT ''
);
CREATE TABLE country_aliases (
    alias TEXT PRIMARY KEY,
    iso3 TEXT NOT NULL REFERENCES countries(iso3)
);
CREATE TABLE admin1 (
    country_iso3 TEXT NOT NULL REFERENCES countries(iso3),
    name TEXT NOT NULL,
    name_fr TEXT NOT NULL DEFAULT '',
    latitude REAL,
    longitude REAL,
    PRIMARY KEY (country_iso3, name)
);
CREATE TABLE topics (
    slug TEXT PRIMARY KEY,
    bit INTEGER NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 62),
    position INTEGER NOT NULL DEFAULT 0,
    label_en TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    description_en TEXT NOT NULL DEFAULT '',
    description_fr TEXT NOT NULL DEFAULT ''
);
CREATE TABLE topic_rules (
    id INTEGER PRIMARY KEY,
    topic TEXT NOT NULL REFERENCES topics(slug) ON DELETE CASCADE,
    field TEXT NOT NULL CHECK (field IN ('event_type', 'sub_event_type', 'actor', 'keyword')),
    pattern TEXT NOT NULL,
    UNIQUE (topic, field, pattern)
);
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'events',
    publisher TEXT NOT NULL DEFAULT '',
    licence TEXT NOT NULL DEFAULT '',
    attribution TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    accessed TEXT,
    synthetic INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    event_date TEXT NOT NULL,
    time_precision INTEGER NOT NULL DEFAULT 1,
    country_iso3 TEXT NOT NULL REFERENCES countries(iso3),
    admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT '',
    admin3 TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER NOT NULL DEFAULT 1,
    disorder_type TEXT NOT NULL DEFAULT '',
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL DEFAULT '',
    actor1 TEXT NOT NULL DEFAULT '',
    assoc_actor_1 TEXT NOT NULL DEFAULT '',
    actor2 TEXT NOT NULL DEFAULT '',
    assoc_actor_2 TEXT NOT NULL DEFAULT '',
    civilian_targeting INTEGER NOT NULL DEFAULT 0,
    fatalities INTEGER NOT NULL DEFAULT 0,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    source_scale TEXT NOT NULL DEFAULT '',
    timestamp INTEGER,
    topic_mask INTEGER NOT NULL DEFAULT 0,
    UNIQUE (dataset_id, external_id)
);
CREATE INDEX events_country_date ON events (country_iso3, event_date);
CREATE INDEX events_dataset_date ON events (dataset_id, event_date);
CREATE TABLE event_index (
    bit INTEGER NOT NULL,
    country_iso3 TEXT NOT NULL,
    event_date TEXT NOT NULL,
    event_id INTEGER NOT NULL,
    dataset_id INTEGER NOT NULL,
    actor1 TEXT NOT NULL,
    actor2 TEXT NOT NULL,
    fatalities INTEGER NOT NULL,
    PRIMARY KEY (bit, country_iso3, event_date, event_id)
) WITHOUT ROWID;
CREATE TABLE topic_daily (
    bit INTEGER NOT NULL,
    country_iso3 TEXT NOT NULL,
    event_date TEXT NOT NULL,
    dataset_id INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    low_geo INTEGER NOT NULL,
    low_time INTEGER NOT NULL,
    PRIMARY KEY (bit, country_iso3, event_date, dataset_id, event_type, admin1)
) WITHOUT ROWID;
CREATE TABLE context_daily (
    country_iso3 TEXT NOT NULL,
    event_date TEXT NOT NULL,
    dataset_id INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    PRIMARY KEY (country_iso3, event_date, dataset_id, event_type)
) WITHOUT ROWID;
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '',
    publisher TEXT NOT NULL DEFAULT '',
    container TEXT NOT NULL DEFAULT '',
    published TEXT,
    published_precision TEXT CHECK (published_precision IN ('year', 'month', 'day')),
    url TEXT NOT NULL DEFAULT '',
    accessed TEXT,
    kind TEXT NOT NULL DEFAULT 'article',
    language TEXT NOT NULL DEFAULT 'en',
    note TEXT NOT NULL DEFAULT '',
    content_hash TEXT UNIQUE,
    full_text TEXT,
    protected INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE quotations (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',
    locator TEXT NOT NULL DEFAULT '',
    page INTEGER,
    start_offset INTEGER,
    end_offset INTEGER,
    date TEXT,
    paraphrase INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX quotations_source ON quotations (source_id);
CREATE TABLE quotation_countries (
    quotation_id INTEGER NOT NULL REFERENCES quotations(id) ON DELETE CASCADE,
    iso3 TEXT NOT NULL REFERENCES countries(iso3),
    PRIMARY KEY (quotation_id, iso3)
);
CREATE INDEX quotation_countries_iso3 ON quotation_countries (iso3);
CREATE TABLE quotation_topics (
    quotation_id INTEGER NOT NULL REFERENCES quotations(id) ON DELETE CASCADE,
    topic TEXT NOT NULL REFERENCES topics(slug) ON DELETE CASCADE,
    PRIMARY KEY (quotation_id, topic)
);
CREATE INDEX quotation_topics_topic ON quotation_topics (topic);
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    country_iso3 TEXT NOT NULL REFERENCES countries(iso3),
    topic TEXT REFERENCES topics(slug) ON DELETE SET NULL,
    label TEXT NOT NULL,
    label_fr TEXT NOT NULL DEFAULT '',
    value REAL,
    unit TEXT NOT NULL DEFAULT '',
    qualifier TEXT NOT NULL DEFAULT '',
    as_of TEXT,
    sentence TEXT NOT NULL DEFAULT '',
    locator TEXT NOT NULL DEFAULT '',
    page INTEGER,
    start_offset INTEGER,
    end_offset INTEGER,
    created TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX figures_country ON figures (country_iso3, topic);
CREATE TABLE key_dates (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_fr TEXT NOT NULL DEFAULT '',
    countries TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '',
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL
);
CREATE TABLE saved_briefings (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    recipe TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT (datetime('now')),
    updated TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    file TEXT NOT NULL,
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
    started TEXT NOT NULL,
    user TEXT NOT NULL DEFAULT '',
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT ''
)
"""


@migrations(name="0002_boundaries")
def m0002_boundaries(db: Database) -> None:
    """First-level region outlines an organisation imports (GeoJSON), one row per country and region.

    `admin1` is the store's region name when the file's name (`name_in_file`) matched one
    (`matched` = 1), else the file's own name; `geometry` is a GeoJSON Polygon or MultiPolygon in
    longitude/latitude (WGS 84) with its bounding box alongside.
    """
    db.execute("""
        CREATE TABLE boundaries (
            country_iso3 TEXT NOT NULL REFERENCES countries(iso3),
            admin1 TEXT NOT NULL,
            name_in_file TEXT NOT NULL,
            matched INTEGER NOT NULL DEFAULT 0,
            geometry TEXT NOT NULL,
            min_lon REAL NOT NULL,
            min_lat REAL NOT NULL,
            max_lon REAL NOT NULL,
            max_lat REAL NOT NULL,
            source_file TEXT NOT NULL DEFAULT '',
            imported TEXT NOT NULL DEFAULT (datetime('now')),
            PRIMARY KEY (country_iso3, admin1)
        )""")


@migrations(name="0003_country_counts")
def m0003_country_counts(db: Database) -> None:
    """Events per dataset and country, derived like the selection tables (kept by `index_events`):
    the country list shows counts without scanning every event."""
    db.execute("""
        CREATE TABLE country_counts (
            dataset_id INTEGER NOT NULL,
            country_iso3 TEXT NOT NULL,
            events INTEGER NOT NULL,
            PRIMARY KEY (dataset_id, country_iso3)
        ) WITHOUT ROWID""")
    db.execute("""INSERT INTO country_counts
                  SELECT dataset_id, country_iso3, count(*) FROM events GROUP BY dataset_id, country_iso3""")


@migrations(name="0004_curation")
def m0004_curation(db: Database) -> None:
    """Tables the curation work edits: actor and region aliases, saved column-mapping profiles.

    - `actor_aliases` maps a name as a dataset writes it (`alias`, e.g. "Islamic State (Greater
      Sahara)") to the name briefings show (`actor`, e.g. "Islamic State Sahel"). Events keep their
      names as imported; the aliases are applied when actors are counted, so editing one never
      loses data. `origin` is 'builtin' for the shipped list, 'user' for the user's own.
    - `admin1_aliases` maps a region name as a file writes it to the store's region name, per
      country ("Koulikouro" → "Koulikoro"), used by the importers and the map.
    - `import_profiles` keeps the column mapping a user set once for an organisation's own
      incident log (JSON object: field → column heading), by name.
    """
    db.execute("""
        CREATE TABLE actor_aliases (
            alias TEXT PRIMARY KEY,
            actor TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('builtin', 'user')),
            note TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("""
        CREATE TABLE admin1_aliases (
            country_iso3 TEXT NOT NULL REFERENCES countries(iso3),
            alias TEXT NOT NULL,
            admin1 TEXT NOT NULL,
            PRIMARY KEY (country_iso3, alias)
        )""")
    db.execute("""
        CREATE TABLE import_profiles (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'incidents',
            mapping TEXT NOT NULL,
            options TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL DEFAULT (datetime('now')),
            updated TEXT NOT NULL DEFAULT (datetime('now'))
        )""")


@migrations(name="0005_import_log_fr")
def m0005_import_log_fr(db: Database) -> None:
    """The import log in French too: `message_fr` holds the line `message` holds in English (what
    the app shows when it speaks French); imports logged before it have it empty."""
    db.execute("ALTER TABLE imports ADD COLUMN message_fr TEXT NOT NULL DEFAULT ''")


def known_migrations() -> list[str]:
    """Names of every migration this version of briefer knows, in order."""
    return [m.name for m in migrations._migrations]
