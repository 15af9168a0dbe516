"""Where a workspace lives and how it is configured: every setting is read here.

A workspace is a folder holding ``reckon.toml`` (settings), ``reckon.sqlite``
(the store, unless ``RECKON_DATABASE_URL`` points at PostgreSQL), ``blobs/``
(content-addressed source bytes) and ``keys/`` (key files kept out of the
database). Settings come from, in rising precedence: built-in defaults, the
workspace's ``reckon.toml``, and ``RECKON_*`` environment variables.

Environment variables
---------------------
RECKON_WORKSPACE      the workspace folder, when ``--workspace`` is not given
RECKON_DATABASE_URL   an SQLAlchemy URL for the store (e.g. ``postgresql+psycopg://…``)
RECKON_USER           act as this workspace user instead of the configured one
RECKON_PASSPHRASE     unlocks the workspace's data key (confidential content)
"""

from __future__ import annotations

import os
import tomllib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reckon.errors import WorkspaceError

CONFIG_NAME = "reckon.toml"
SQLITE_NAME = "reckon.sqlite"
BLOBS_DIR = "blobs"
KEYS_DIR = "keys"

DEFAULT_MAX_SOURCE_BYTES = 2 * 1024**3
# An allegation against a named person goes public only on this many independent sources.
DEFAULT_MIN_INDEPENDENT_SOURCES = 2


@dataclass(frozen=True)
class Settings:
    """Everything configurable about one workspace, resolved once."""

    root: Path
    workspace_id: str
    user: str
    database_url: str
    max_source_bytes: int = DEFAULT_MAX_SOURCE_BYTES
    passphrase: str | None = field(default=None, repr=False)
    min_independent_sources: int = DEFAULT_MIN_INDEPENDENT_SOURCES
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def blobs_dir(self) -> Path:
        return self.root / BLOBS_DIR

    @property
    def keys_dir(self) -> Path:
        return self.root / KEYS_DIR

    @property
    def web_secret_path(self) -> Path:
        """The key that signs web sessions and form tokens (made on first use, never shared)."""
        return self.keys_dir / "web-session.key"

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with some settings replaced (tests and the demo use this)."""
        return replace(self, **changes)


def sqlite_url(root: Path) -> str:
    return f"sqlite:///{(root / SQLITE_NAME).resolve()}"


def find_root(explicit: Path | None, env: Mapping[str, str], cwd: Path) -> Path:
    """The workspace folder: ``--workspace``, then ``RECKON_WORKSPACE``, then the current folder."""
    if explicit is not None:
        candidate = explicit
        origin = "--workspace"
    elif env.get("RECKON_WORKSPACE"):
        candidate = Path(env["RECKON_WORKSPACE"])
        origin = "RECKON_WORKSPACE"
    else:
        candidate = cwd
        origin = "the current folder"
    candidate = candidate.expanduser()
    if not (candidate / CONFIG_NAME).is_file():
        raise WorkspaceError(
            f"{candidate} ({origin}) is not a reckon workspace: it has no {CONFIG_NAME}.",
            hint="Create one with 'reckon init DIR', or point to one with --workspace DIR "
            "or RECKON_WORKSPACE.",
        )
    return candidate.resolve()


def load_settings(root: Path, env: Mapping[str, str] | None = None) -> Settings:
    """Read ``reckon.toml`` in ``root`` and apply ``RECKON_*`` overrides from ``env``."""
    env = os.environ if env is None else env
    path = root / CONFIG_NAME
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise WorkspaceError(
            f"{root} has no {CONFIG_NAME}.", hint="Create a workspace with 'reckon init DIR'."
        ) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkspaceError(
            f"{path} is not valid TOML ({exc}).", hint="Fix the file or restore it from a backup."
        ) from exc
    section = raw.get("workspace", {})
    limits = raw.get("limits", {})
    user = env.get("RECKON_USER") or section.get("user")
    if not isinstance(user, str) or not user:
        raise WorkspaceError(
            f"{path} names no user under [workspace].",
            hint="Add a line 'user = \"NAME\"' or set RECKON_USER.",
        )
    workspace_id = section.get("id")
    if not isinstance(workspace_id, str):
        raise WorkspaceError(f"{path} has no workspace id.", hint="Restore the file from a backup.")
    max_bytes = limits.get("max_source_bytes", DEFAULT_MAX_SOURCE_BYTES)
    if not isinstance(max_bytes, int) or max_bytes <= 0:
        raise WorkspaceError(
            f"{path}: limits.max_source_bytes must be a positive whole number of bytes.",
            hint="Fix the value in the file.",
        )
    publish = raw.get("publish", {})
    min_sources = publish.get("min_independent_sources", DEFAULT_MIN_INDEPENDENT_SOURCES)
    if isinstance(min_sources, bool) or not isinstance(min_sources, int) or min_sources < 1:
        raise WorkspaceError(
            f"{path}: publish.min_independent_sources must be a whole number, 1 or more.",
            hint="Fix the value in the file (the default is 2).",
        )
    database_url = env.get("RECKON_DATABASE_URL") or section.get("database_url") or sqlite_url(root)
    extra = {k: v for k, v in raw.items() if k not in {"workspace", "limits", "publish"}}
    return Settings(
        root=root,
        workspace_id=workspace_id,
        user=user,
        database_url=str(database_url),
        max_source_bytes=max_bytes,
        passphrase=env.get("RECKON_PASSPHRASE") or None,
        min_independent_sources=min_sources,
        extra=extra,
    )


def write_config(root: Path, user: str, database_url: str | None = None) -> str:
    """Write a fresh ``reckon.toml``; returns the new workspace id."""
    workspace_id = str(uuid.uuid4())
    created = datetime.now(UTC).isoformat(timespec="seconds")
    lines = [
        "# reckon workspace settings; see docs/settings.md for every key.",
        "[workspace]",
        f'id = "{workspace_id}"',
        f'created = "{created}"',
        f"user = {_toml_string(user)}",
    ]
    if database_url:
        lines.append(f"database_url = {_toml_string(database_url)}")
    lines += ["", "[limits]", f"max_source_bytes = {DEFAULT_MAX_SOURCE_BYTES}", ""]
    (root / CONFIG_NAME).write_text("\n".join(lines), encoding="utf-8")
    return workspace_id


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


# --- the open workspace -------------------------------------------------------------


class Workspace:
    """An open workspace: its settings, its database engine and its blob store."""

    def __init__(self, settings: Settings) -> None:
        from reckon.store.blobs import FolderBlobStore
        from reckon.store.engine import make_engine

        self.settings = settings
        self.engine = make_engine(settings.database_url)
        self.blobs = FolderBlobStore(settings.blobs_dir)
        from reckon.keys import Keyring
        from reckon.publish.erasure import PersonVault

        # Library code given a connection finds the per-person keys of this workspace.
        PersonVault.register(self.engine, Keyring.for_settings(settings))

    @classmethod
    def open(cls, explicit: Path | None = None, env: Mapping[str, str] | None = None) -> Workspace:
        """Find and open the workspace, bringing its schema up to date."""
        from reckon.store import migrate

        env = os.environ if env is None else env
        root = find_root(explicit, env, Path.cwd())
        workspace = cls(load_settings(root, env))
        try:
            current = migrate.current_revision(workspace.engine)
        except Exception as exc:
            raise WorkspaceError(
                f"Cannot open the store at {workspace.redacted_url} ({type(exc).__name__}: {exc}).",
                hint="Check RECKON_DATABASE_URL and that the database server is running.",
            ) from exc
        if current is None:
            raise WorkspaceError(
                f"The store at {workspace.redacted_url} is empty.",
                hint="Run 'reckon init' for this workspace, or fix RECKON_DATABASE_URL.",
            )
        if current not in migrate.head_revisions(workspace.engine):
            migrate.upgrade(workspace.engine)
        return workspace

    @property
    def root(self) -> Path:
        return self.settings.root

    @property
    def redacted_url(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.settings.database_url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def init_workspace(
    directory: Path,
    user: str,
    env: Mapping[str, str] | None = None,
) -> Workspace:
    """Create a workspace folder, its store at the newest schema, and its admin user."""
    from reckon.roles import Role
    from reckon.store import migrate, users
    from reckon.store.engine import is_sqlite

    env = os.environ if env is None else env
    directory = directory.expanduser()
    if (directory / CONFIG_NAME).exists():
        raise WorkspaceError(
            f"{directory} is already a reckon workspace.",
            hint="Use it as it is, or choose another folder.",
        )
    if not user.strip() or any(ch.isspace() or not ch.isprintable() for ch in user):
        raise WorkspaceError(
            f"'{user}' cannot be a user name.", hint="Use letters, digits, '.', '-' or '_'."
        )
    directory.mkdir(parents=True, exist_ok=True)
    database_url = env.get("RECKON_DATABASE_URL")
    root = directory.resolve()
    url = database_url or sqlite_url(root)
    from reckon.store.engine import make_engine

    probe = make_engine(url)
    try:
        if migrate.current_revision(probe) is not None:
            raise WorkspaceError(
                "The database at "
                f"{probe.url.render_as_string(hide_password=True)} already holds a reckon store.",
                hint="Point RECKON_DATABASE_URL at an empty database.",
            )
    finally:
        probe.dispose()
    write_config(root, user)
    (root / BLOBS_DIR).mkdir(exist_ok=True)
    (root / KEYS_DIR).mkdir(exist_ok=True, mode=0o700)
    workspace = Workspace(load_settings(root, env))
    migrate.upgrade(workspace.engine)
    with workspace.engine.begin() as conn:
        from reckon.store.schema import workspace_settings

        conn.execute(
            workspace_settings.insert(),
            [
                {"key": "workspace_id", "value": workspace.settings.workspace_id},
                {"key": "backend", "value": "sqlite" if is_sqlite(url) else "postgresql"},
            ],
        )
        users.add_user(conn, user, Role.ADMIN, actor=None)
    for hook in INIT_HOOKS:
        hook(workspace)
    return workspace


def _init_keys(workspace: Workspace) -> None:
    """Create the signing key (and the data key when a passphrase is set) in keys/."""
    from reckon.keys import init_workspace_keys, load_signing_key, public_key_text
    from reckon.store.schema import workspace_settings

    init_workspace_keys(workspace)
    public = public_key_text(load_signing_key(workspace.settings.keys_dir).public_key())
    # A copy in the store lets `verify` notice a swapped key file.
    with workspace.engine.begin() as conn:
        conn.execute(workspace_settings.insert().values(key="custody_public_key", value=public))


# Features that need per-workspace set-up (keys, for example) register a hook here.
INIT_HOOKS: list[Any] = [_init_keys]
