"""Loket settings: one module, driven by environment variables.

Profiles (``LOKET_PROFILE``):
- ``embedded`` (default): SQLite under ``var/``, an embedded job queue, a secret key generated
  once into ``var/secret_key``; needs no environment at all.
- ``production``: refuses to start unless DEBUG is off, a real ``SECRET_KEY`` is given and
  ``ALLOWED_HOSTS`` is set. PostgreSQL and Redis come from ``DATABASE_URL`` and ``REDIS_URL``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SRC_DIR = BASE_DIR / "src"
VAR_DIR = Path(os.environ.get("LOKET_VAR_DIR", BASE_DIR / "var"))

PROFILE = os.environ.get("LOKET_PROFILE", "embedded")
if PROFILE not in {"embedded", "production"}:
    raise ImproperlyConfigured(f"LOKET_PROFILE must be 'embedded' or 'production', not {PROFILE!r}")
PRODUCTION = PROFILE == "production"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


INSECURE_KEYS = {"", "change-me", "changeme", "secret", "django-insecure"}


def embedded_secret_key() -> str:
    """A key made once per installation and kept outside the repository."""
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])

if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("Production refuses to start with DEBUG on.")
    if SECRET_KEY.strip().lower() in INSECURE_KEYS or SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("Production needs SECRET_KEY: a random value of at least 32 characters.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Production needs ALLOWED_HOSTS (comma-separated host names).")
elif not SECRET_KEY:
    SECRET_KEY = embedded_secret_key()

# Demo mode: demo users with the password "demo" may exist and log in. Never in production.
DEMO_MODE = env_bool("LOKET_DEMO", not PRODUCTION)
if PRODUCTION and DEMO_MODE:
    raise ImproperlyConfigured("Production refuses to start in demo mode (LOKET_DEMO).")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "huey.contrib.djhuey",
    "loket.audit",
    "loket.organisation",
    "loket.accounts",
    "loket.catalogue",
    "loket.cases",
    "loket.notifications",
    "loket.citizens",
    "loket.requests",
    "loket.counters",
    "loket.contactcentre",
    "loket.steering",
    "loket.helpdesk",
    "loket.correspondence",
    "loket.consultations",
    "loket.reports",
    "loket.open311",
    "loket.works",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "loket.urls"
WSGI_APPLICATION = "loket.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "loket" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DEFAULT_SQLITE = f"sqlite:///{VAR_DIR / 'loket.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_SQLITE), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # IMMEDIATE transactions take the write lock at BEGIN, so two writers queue instead of
    # deadlocking when both try to upgrade a read lock (reference numbers, bookings).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    # Tests use a file (pytest-django adds a suffix per xdist worker) so that threads in
    # concurrency tests and the browser tests' live server share one real database.
    # One file per test process, so parallel runs never share (and destroy) each other's database.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("LOKET_TEST_SQLITE", str(VAR_DIR / f"test-{os.getpid()}.sqlite3"))
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = env_bool("LOKET_DB_HEALTH_CHECKS", True)
    if env_bool("LOKET_DB_PREPARED", True):
        # Server-side parameters and prepared statements: PostgreSQL plans each statement once
        # per connection. Behind a pgbouncer in transaction mode older than 1.21: set it to 0
        # (decision 0010).
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=int(os.environ.get("LOKET_DB_PREPARE_THRESHOLD", "2"))
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and jobs -------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": os.environ.get("LOKET_QUEUE_NAME", "loket"),
        "url": REDIS_URL,
        "immediate": env_bool("HUEY_IMMEDIATE", False),
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": os.environ.get("LOKET_QUEUE_NAME", "loket"),
        "filename": str(VAR_DIR / "huey.sqlite3"),
        "immediate": env_bool("HUEY_IMMEDIATE", False),
    }

# --- Auth -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["loket.accounts.backends.LockoutModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:start"
LOGOUT_REDIRECT_URL = "catalogue:home"
LOGIN_LOCKOUT_FAILURES = int(os.environ.get("LOGIN_LOCKOUT_FAILURES", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
# Login attempts are personal data (username, IP address): kept only this long.
LOGIN_ATTEMPTS_KEEP_DAYS = int(os.environ.get("LOGIN_ATTEMPTS_KEEP_DAYS", "30"))

# OIDC: off unless configured. Staff log in through the city's identity provider, citizens
# through the federal citizen login; both are standard OpenID Connect providers.
OIDC_ENABLED = bool(os.environ.get("OIDC_RP_CLIENT_ID"))
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_ROLE_CLAIM = os.environ.get("OIDC_ROLE_CLAIM", "loket_role")
OIDC_DISTRICT_CLAIM = os.environ.get("OIDC_DISTRICT_CLAIM", "loket_district")
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("loket.accounts.oidc.LoketOIDCBackend")

# --- Sessions and security ------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# --- Internationalisation -------------------------------------------------------------
# Source strings are Dutch (the language of every user); English is a translation.
LANGUAGE_CODE = "nl"
# Only languages with a complete translation are offered: a browser asking for English must not
# get Dutch text with English dates. Add ("en", _("Engels")) once locale/en is translated.
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [SRC_DIR / "loket" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Static files and uploads ---------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [SRC_DIR / "loket" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (cache busting) need collectstatic, which production always runs.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if os.environ.get("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
# Without collectstatic (tests, a first run) serve straight from the app directories.
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024)))
ATTACHMENT_ALLOWED_TYPES = ["application/pdf", "image/jpeg", "image/png"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Email ----------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "loket@antwerpen.be")
# The public address of the site, for absolute links in mails and QR codes (no request there).
LOKET_BASE_URL = os.environ.get("LOKET_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}").rstrip("/")

# --- Housekeeping and models ----------------------------------------------------------
# Days an e-loket draft may rest unchanged before the nightly cleanup deletes it.
LOKET_DRAFT_EXPIRY_DAYS = int(os.environ.get("LOKET_DRAFT_EXPIRY_DAYS", "30"))
# Personal-data retention of reports and works (decision 0012), in days: a sent outbox mail or
# notice, a failed one (longer: staff see what was not delivered), a closed report's followers,
# a cancelled works subscription. Unconfirmed addresses go a day after their link expired.
LOKET_REPORT_MAIL_KEEP_DAYS = int(os.environ.get("LOKET_REPORT_MAIL_KEEP_DAYS", "90"))
LOKET_REPORT_MAIL_FAILED_KEEP_DAYS = int(os.environ.get("LOKET_REPORT_MAIL_FAILED_KEEP_DAYS", "180"))
LOKET_REPORT_FOLLOWER_CLOSED_KEEP_DAYS = int(os.environ.get("LOKET_REPORT_FOLLOWER_CLOSED_KEEP_DAYS", "90"))
LOKET_WORK_NOTICE_KEEP_DAYS = int(os.environ.get("LOKET_WORK_NOTICE_KEEP_DAYS", "90"))
LOKET_WORK_NOTICE_FAILED_KEEP_DAYS = int(os.environ.get("LOKET_WORK_NOTICE_FAILED_KEEP_DAYS", "180"))
LOKET_WORK_SUBSCRIPTION_CANCELLED_KEEP_DAYS = int(os.environ.get("LOKET_WORK_SUBSCRIPTION_CANCELLED_KEEP_DAYS", "7"))
# Report category suggestion: below this confidence a report without category goes to sorting.
REPORTS_SUGGEST_THRESHOLD = float(os.environ.get("REPORTS_SUGGEST_THRESHOLD", "0.5"))

# --- Maps -----------------------------------------------------------------------------
# Leaflet is served by the project itself; only the tiles come from a tile server. Empty:
# maps show the district boundaries without a background (tests, offline installations).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)

# --- Geocoding ------------------------------------------------------------------------
# "embedded" uses the street table; a URL selects the external geocoding adapter.
GEOCODER_URL = os.environ.get("GEOCODER_URL", "")
GEOCODER_TIMEOUT = float(os.environ.get("GEOCODER_TIMEOUT", "3"))
# Simplified borders overlap or leave gaps of a few metres; within this distance a point
# still counts as inside the nearest district.
DISTRICT_BORDER_TOLERANCE_M = float(os.environ.get("DISTRICT_BORDER_TOLERANCE_M", "40"))

# --- API ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "loket.accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["loket.accounts.rules.RulePermission"],
    "DEFAULT_PAGINATION_CLASS": "loket.apiconf.Pagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "loket.apiconf.exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["rest_framework.filters.OrderingFilter"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Loket API",
    "DESCRIPTION": "Dienstverlening van de stad Antwerpen en samenwerking met de districten.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "LocationKindEnum": "loket.organisation.models.Location.Kind",
        "WorkKindEnum": "loket.works.models.Work.Kind",
        "WorkStatusEnum": "loket.works.models.Work.Status",
        "HindranceModeEnum": "loket.works.models.Hindrance.Mode",
        "CaseChannelEnum": "loket.cases.models.Channel",
        "AppointmentChannelEnum": "loket.counters.models.AppointmentChannel",
        "InternalTaskKindEnum": "loket.cases.models.InternalTask.Kind",
        "MeetingStatusEnum": "loket.consultations.models.Meeting.Status",
        "ContactMomentChannelEnum": "loket.citizens.models.ContactMoment.Channel",
        "CaseEventKindEnum": "loket.cases.models.CaseEvent.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # 4xx answers are the API working as designed (e.g. "outside the city" is a 404); log 5xx only.
    "loggers": {
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        # run_huey installs its own handler on this logger; do not print every line twice.
        "huey": {"propagate": False},
    },
}
