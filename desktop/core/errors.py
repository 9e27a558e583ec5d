"""Errors a user can cause or meet, each with a message in the user's language.

The command line prints the message on one line; the app shows it in a dialog. Anything that is
not an ``XunchaError`` is a defect and keeps its traceback.
"""

from __future__ import annotations

from desktop.core.i18n import tr


class XunchaError(Exception):
    """Base of every error that is reported to the user as a plain message."""

    message = "Something went wrong"

    def __init__(self, detail: str = "", **values: object) -> None:
        parts = [tr(self.message, **values)] if self.message else []
        if detail:
            parts.append(detail)
        super().__init__(tr(": ").join(parts))


class FileMissing(XunchaError):
    message = "No such file: {path}"


class FileExists(XunchaError):
    message = "A file already exists at {path}; choose another name"


class FolderInUse(XunchaError):
    message = "{path} is a file or already holds demo databases; choose another folder"


class FolderMissing(XunchaError):
    message = "The folder does not exist: {path}"


class OutOfRange(XunchaError):
    message = "{what} must be between {low} and {high}"


class SourcePassphrase(XunchaError):
    message = ("Neither the exchange passphrase nor this database's passphrase opens {path} "
               "(or it is not an inspection file)")


class WrongPassphrase(XunchaError):
    message = "Wrong passphrase, or the file is not an inspection database: {path}"


class NotADatabase(XunchaError):
    message = "Not an inspection database (damaged, truncated or another kind of file): {path}"


class PlainDatabase(XunchaError):
    message = "This is an unencrypted SQLite file, not an inspection database: {path}"


class ForeignDatabase(XunchaError):
    message = "This encrypted database was not made by this program: {path}"


class NewerSchema(XunchaError):
    message = (
        "This database was written by a newer release (schema {found}, this release reads up "
        "to {supported}); update the program. The file was left untouched"
    )


class ReadOnlyLocation(XunchaError):
    message = "Cannot write here (read-only location or no permission); nothing was changed"


class DiskFull(XunchaError):
    message = "The disk is full or the file cannot grow; nothing was changed"


class PassphraseRequired(XunchaError):
    message = "A passphrase is needed: use --passphrase-file FILE or XUNCHA_PASSPHRASE"


class ExchangePassphraseRequired(XunchaError):
    message = ("The round's exchange passphrase is needed: use --exchange-passphrase-file FILE "
               "or XUNCHA_EXCHANGE_PASSPHRASE")


class PassphraseTooShort(XunchaError):
    message = "The passphrase must have at least {n} characters"


class NoIdentity(XunchaError):
    message = ("This database has no inspector identity on this laptop (a merged copy); it can "
               "be read and merged into, not edited: {path}")


class IntegrityFailure(XunchaError):
    message = "The database failed its check"


class RecordMissing(XunchaError):
    message = "No such record: {record_id}"
