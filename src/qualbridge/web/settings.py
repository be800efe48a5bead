"""Django settings. SQLite (WAL) in the data folder by default; PostgreSQL through ``DATABASE_URL``.

``QUALBRIDGE_ENV=production`` switches to the settings of a deployment behind an HTTPS proxy, all from
the environment (see :mod:`qualbridge.web.production`): Secure cookies, HSTS, the proxy's HTTPS header,
the allowed hosts, a secret key that must be given. Files this process creates are private to its user
(umask 077): the database, uploads and keys are 0600 in 0700 folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from qualbridge.web import production
from qualbridge.web.caching import cache_settings, session_engine
from qualbridge.web.paths import data_dir, private_file, secret_key

os.umask(0o077)
BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()
PRODUCTION = production.is_production()

SECRET_KEY = production.secret_key() if PRODUCTION else secret_key()
DEBUG = os.environ.get("QUALBRIDGE_DEBUG") == "1" and not PRODUCTION
ALLOWED_HOSTS = (
    production.allowed_hosts()
    if PRODUCTION
    else [
        h
        for h in os.environ.get("QUALBRIDGE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
        if h
    ]
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "ninja",
    "qualbridge.web.accounts",
    "qualbridge.web.audit",
    "qualbridge.web.cases",
    "qualbridge.web.explorer",
    "qualbridge.web.countries",
    "qualbridge.web.decisions",
    "qualbridge.web.analytics",
    "qualbridge.web.api",
    "qualbridge.web.trust",
    "qualbridge.web.referencing",  # h19: the referencing assistant page
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
    "csp.middleware.CSPMiddleware",
    "qualbridge.web.api.problems.ProblemMiddleware",
]

ROOT_URLCONF = "qualbridge.web.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
WSGI_APPLICATION = "qualbridge.web.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{DATA_DIR / 'qualbridge.sqlite3'}", conn_max_age=60)
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    private_file(Path(DATABASES["default"]["NAME"]))  # password hashes and personal data: 0600
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
#: scripts, styles and images from this site only; no inline script, no framing, forms post here only
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
if PRODUCTION:
    globals().update(production.https_settings())

#: the cache, sessions and the login limiter: on Redis with REDIS_URL, else local memory / the database
REDIS_URL = os.environ.get("REDIS_URL") or None
CACHES = cache_settings(REDIS_URL, os.environ.get("QUALBRIDGE_CACHE_PREFIX") or "qualbridge")
SESSION_ENGINE = session_engine(REDIS_URL)
#: reverse proxies in front of the app: the login limiter takes the client's address from X-Forwarded-For
LOGIN_PROXY_COUNT = int(os.environ.get("QUALBRIDGE_PROXY_COUNT", "1" if PRODUCTION else "0"))

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ja", "日本語")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True

#: uploads are stored here, outside any served path, under random names
UPLOAD_DIR = DATA_DIR / "uploads"
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
KEY_DIR = DATA_DIR / "keys"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_in_one_line": {"()": "qualbridge.web.logfilters.ClientErrorsInOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["client_errors_in_one_line"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# h15: shared services for more than one machine (storage, Celery, mail, JSON logs, secret key)
from qualbridge.web.settings_services import *  # noqa: E402, F403

INSTALLED_APPS += SERVICE_APPS  # noqa: F405
MIDDLEWARE = [*SERVICE_MIDDLEWARE_FIRST, *MIDDLEWARE]  # noqa: F405
