"""Django settings for Newsroom: everything comes from environment variables.

Development works with no variables set (SQLite, DEBUG on). Production sets
DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; the app refuses to start
with the development key or without allowed hosts.
"""

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from newsroom.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEV_SECRET_KEY = "django-insecure-newsroom-development-key-do-not-use-in-production"

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = env_str("SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if not DEBUG:
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Set SECRET_KEY (50+ random characters) when DEBUG=0.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set ALLOWED_HOSTS when DEBUG=0.")

INSTALLED_APPS = [
    "accounts.apps.StaffAdminConfig",  # the admin, on a site with limited, two-factor sign-in
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.redirects",
    "simple_history",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # the API docs' Swagger UI, served by the site itself
    "corsheaders",
    "places",
    "organizations",
    "events",
    "articles",
    "ingest",
    "editorial",
    "integrations",
    "accounts",
    "demo",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",  # last, as django-axes asks
]
SITE_ID = 1
# The publisher named in link previews and schema.org data (og:site_name, JSON-LD).
SITE_NAME = env_str("SITE_NAME", "Newsroom")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Cross-origin reads of the API (API_CORS_ORIGINS), before anything may answer early.
    "corsheaders.middleware.CorsMiddleware",
    # ETags and 304s for every cacheable answer, the page cache's included.
    "newsroom.middleware.ConditionalGetMiddleware",
    "newsroom.middleware.CachePolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "newsroom.middleware.RejectUnstorableTextMiddleware",
    # Anonymous readers' pages from the shared cache, before any session is looked up.
    "newsroom.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.middleware.CommonMiddleware",  # Django's; writes missing a slash get a 308
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A merged record's old page answers 301 to the record it was merged into.
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # In development runserver serves static files; in production WhiteNoise does.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # Every public page's header, footer and stylesheet links (base.html).
            "libraries": {"site_chrome": "newsroom.site_chrome"},
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Production keeps connections open between requests (a new one costs a backend
        # start and cold catalog caches); health checks drop ones the server closed.
        conn_max_age=env_int("CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Parameters travel apart from the SQL. Queries are not prepared (Django leaves
    # psycopg's `prepare_threshold` off, which keeps transaction poolers working):
    # preparing them was measured at 1M reports on 2026-11-30 and made no page
    # faster beyond this machine's noise (PostgreSQL kept re-planning the tag query:
    # its generic plan, blind to how many ids it gets, looks costlier).
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = env_bool(
        "DATABASE_SERVER_SIDE_BINDING", True
    )
# Optional read replica: reads outside transactions go there (newsroom/routers.py).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=env_int("CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    # Tests get no second database: the alias reads the test copy of the primary.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["newsroom.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering-index columns (INCLUDE) speed up counts on PostgreSQL; SQLite ignores them.
SILENCED_SYSTEM_CHECKS = [
    "models.W040",
    # HSTS preload is an explicit opt-in (SECURE_HSTS_PRELOAD=1): it is hard to undo.
    "security.W021",
]

# A shared cache (Redis) in production: app servers then share, among other
# things, the tagging registry's version, so a registry edit reaches them all.
REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "newsroom.cache.RedisCache", "LOCATION": REDIS_URL}  # Django's, faster
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Background work (feed polling; integrators' webhooks later) runs on Celery with Redis
# (newsroom/celery.py; `make worker` starts a worker and the beat scheduler). With no
# broker there is no queue: the site still runs, and `manage.py poll_sources` polls.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER")  # run tasks in-process
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a task a dying worker held runs again (imports are idempotent)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Fail fast when the broker is down, so an editor's click gets an answer.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_TIMEZONE = env_str("TIME_ZONE", "UTC")
CELERY_BEAT_SCHEDULE = {
    "poll-due-wire-sources": {"task": "ingest.tasks.poll_due_sources", "schedule": 60.0},
    "push-reports-to-webhooks": {
        "task": "integrations.tasks.enqueue_due_deliveries",
        "schedule": 60.0,
    },
}
# Webhooks must use https:// unless DEBUG or this is set (private hosts: WIRE_ALLOW_PRIVATE_HOSTS).
WEBHOOK_ALLOW_HTTP = env_bool("WEBHOOK_ALLOW_HTTP")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
# Dates are printed one way everywhere: newsroom/formats/en/formats.py.
FORMAT_MODULE_PATH = ["newsroom.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security: strict by default in production, overridable per deployment.
if env_bool("BEHIND_TLS_PROXY"):
    # Only behind a proxy that sets (and strips client-sent) X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers check /healthz over plain HTTP behind the TLS proxy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
CSRF_FAILURE_VIEW = "newsroom.views.csrf_failure"  # the site's 403 page, saying what to do
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
# Preloading is hard to undo (browsers ship the list): an explicit opt-in only.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# How long shared caches (a CDN) may keep public answers (docs/security.md#caching).
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 60)

# Content-Security-Policy (django-csp): everything from this site only, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Sign-in (accounts/, docs/security.md): failed attempts are limited per account and per
# address by django-axes; the 21st in a row is refused without checking the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 20)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip"
AXES_VERBOSE = False
# The TLS proxy in front, whose X-Forwarded-For entry names the client (accounts/client_ip.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
# Two-factor sign-in (TOTP) is open to all staff; REQUIRE_2FA=1 makes it a must for
# superusers and editors.
REQUIRE_2FA = env_bool("REQUIRE_2FA")
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Newsroom")

REST_FRAMEWORK = {
    # Public reads need no sign-in; sessions serve the browsable API to staff. No HTTP
    # Basic: it would be a password-guessing door beside the limited sign-in page.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "integrations.authentication.TokenAuthentication",  # Authorization: Bearer <key>
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Anyone may read; a write needs the model permission (add, change) of its user.
    "DEFAULT_PERMISSION_CLASSES": ["newsroom.api_access.ReadOrModelPermissions"],
    "DEFAULT_FILTER_BACKENDS": [
        "newsroom.api_access.SingleValueFilterBackend",  # django-filter's, one value each
        "newsroom.api_access.StrictOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "newsroom.pagination.RecordCursorPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_RENDERER_CLASSES": (
        ["rest_framework.renderers.JSONRenderer", "newsroom.renderers.BrowsableAPIRenderer"]
    ),
    "DEFAULT_THROTTLE_CLASSES": [
        "newsroom.api_access.AnonymousThrottle",
        "newsroom.api_access.IntegratorThrottle",
    ],
    "EXCEPTION_HANDLER": "newsroom.api_errors.exception_handler",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "newsroom.renderers.ContentNegotiation",
    "DEFAULT_SCHEMA_CLASS": "newsroom.api_schema.AutoSchema",
}
# Requests a minute: per client address without a token, per integrator with one.
API_ANONYMOUS_RATE = env_int("API_ANONYMOUS_RATE", 120)
API_INTEGRATOR_RATE = env_int("API_INTEGRATOR_RATE", 600)
# Seconds a change waits before the sync stream lists it (see docs/api.md, Sync).
API_SYNC_SETTLE_SECONDS = env_int("API_SYNC_SETTLE_SECONDS", 5)
# The host name in feed GUIDs (tag: URIs) and calendar UIDs, whatever name a reader used
# (default: the request's host). Set it once and keep it.
TAG_AUTHORITY = env_str("TAG_AUTHORITY")
# Origins whose pages may read the API from a browser (anonymous GETs only); "*": any.
API_CORS_ORIGINS = env_list("API_CORS_ORIGINS", "*")
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = API_CORS_ORIGINS == ["*"]
CORS_ALLOWED_ORIGINS = [] if CORS_ALLOW_ALL_ORIGINS else API_CORS_ORIGINS
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
# What a page may send: conditional reads, never a token (reads across origins are anonymous).
CORS_ALLOW_HEADERS = [
    "accept", "accept-language", "content-language", "content-type", "if-none-match",
    "if-modified-since", "user-agent", "x-requested-with",
]  # fmt: skip

SPECTACULAR_SETTINGS = {
    "TITLE": "Newsroom API",
    "DESCRIPTION": (
        "Wire reports with their events, countries, organizations and people. Read "
        "anonymously; write with an integrator token. Guide: docs/api.md."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # A browser session reads as the public does and never writes: only tokens are named.
    "AUTHENTICATION_WHITELIST": ["integrations.authentication.TokenAuthentication"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "newsroom.api_schema.add_errors_and_headers",
        "newsroom.api_schema.valid_alternatives",
    ],
    "EXTENSIONS_INFO": {},
    # Two models have a `status`: their choices get names of their own in the schema.
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "articles.workflow.ArticleStatus",
        "EventStatusEnum": "events.models.EventStatus",
        "OrganizationKindEnum": "organizations.models.OrganizationKind",
        "SuccessorKindEnum": "articles.serializers.SUCCESSOR_KINDS",
    },
}

# Wire desk: the largest report or feed accepted (pasted, uploaded or fetched).
WIRE_MAX_BYTES = env_int("WIRE_MAX_BYTES", 10_000_000)
# Seconds a feed may stay silent (connecting, or between two reads) …
WIRE_FETCH_TIMEOUT = env_int("WIRE_FETCH_TIMEOUT", 20)
# … and the whole fetch may take, however the server trickles its answer.
WIRE_FETCH_DEADLINE = env_int("WIRE_FETCH_DEADLINE", 60)
# Feeds on loopback, link-local or private addresses are refused unless allowed.
WIRE_ALLOW_PRIVATE_HOSTS = env_bool("WIRE_ALLOW_PRIVATE_HOSTS")
# Folders wire sources may read (none unless set: a source's folder must lie under one).
WIRE_FOLDER_ROOTS = env_list("WIRE_FOLDER_ROOTS")
# More items than this are never imported inside a web request: the queue takes them.
WIRE_INLINE_ITEMS = env_int("WIRE_INLINE_ITEMS", 200)
# Minutes a worker holds a source it is polling; a crashed worker's claim lapses after it.
WIRE_POLL_LEASE_MINUTES = env_int("WIRE_POLL_LEASE_MINUTES", 15)
# Room for a pasted feed at the limit; larger posts get a clear 400 page.
DATA_UPLOAD_MAX_MEMORY_SIZE = WIRE_MAX_BYTES + 2_000_000

# Public list pages.
ARTICLES_PER_PAGE = env_int("ARTICLES_PER_PAGE", 20)
# Seconds anonymous readers' pages may be served from the cache (0: off). See docs/scale.md.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 60)
# Seconds a rendered report card and the report filter's choices are kept (0: off); they
# belong to the page-cache generation, so no change is ever served stale (articles/cards.py).
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 0 if DEBUG else 24 * 3600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
