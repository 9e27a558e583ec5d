"""Errors a user can cause or meet, each with a message in the user's language.

The command line prints the message on one line; the app shows it in a dialog. Anything that is
not an ``XunchaError`` is a defect and keeps its traceback.
"""

from __future__ import annotations

from desktop.core.i18n import N_, tr


class XunchaError(Exception):
    """Base of every error that is reported to the user as a plain message."""

    message = N_("Something went wrong")

    def __init__(self, detail: str = "", **values: object) -> None:
        parts = [tr(self.message, **values)] if self.message else []
        if detail:
            parts.append(detail)
        super().__init__(tr(": ").join(parts))


class FileMissing(XunchaError):
    message = N_("No such file: {path}")


class FileExists(XunchaError):
    message = N_("A file already exists at {path}; choose another name")


class FolderInUse(XunchaError):
    message = N_("{path} is a file or already holds demo databases; choose another folder")


class FolderMissing(XunchaError):
    message = N_("The folder does not exist: {path}")


class OutOfRange(XunchaError):
    message = N_("{what} must be between {low} and {high}")


class SourcePassphrase(XunchaError):
    message = N_("Neither the exchange passphrase nor this database's passphrase opens {path} "
                 "(or it is not an inspection file)")


class WrongPassphrase(XunchaError):
    message = N_("Wrong passphrase, or the file is not an inspection database: {path}")


class NotADatabase(XunchaError):
    message = N_("Not an inspection database (damaged, truncated or another kind of file): {path}")


class DamagedDatabase(XunchaError):
    message = N_("The database file is damaged ({reason}): {path}. Nothing was changed; use "
                 "the copy made before the last merge (beside it, named …before-merge…) or "
                 "another laptop's copy")


class PlainDatabase(XunchaError):
    message = N_("This is an unencrypted SQLite file, not an inspection database: {path}")


class ForeignDatabase(XunchaError):
    message = N_("This encrypted database was not made by this program: {path}")


class NewerSchema(XunchaError):
    message = N_(
        "This database was written by a newer release (schema {found}, this release reads up "
        "to {supported}); update the program. The file was left untouched"
    )


class ReadOnlyLocation(XunchaError):
    message = N_("Cannot write here (read-only location or no permission); nothing was changed")


class DiskFull(XunchaError):
    message = N_("The disk is full or the file cannot grow; nothing was changed")


class PassphraseRequired(XunchaError):
    message = N_("A passphrase is needed: use --passphrase-file FILE or XUNCHA_PASSPHRASE")


class ExchangePassphraseRequired(XunchaError):
    message = N_("The round's exchange passphrase is needed: use --exchange-passphrase-file FILE "
                 "or XUNCHA_EXCHANGE_PASSPHRASE")


class PassphraseTooShort(XunchaError):
    message = N_("The passphrase must have at least {n} characters")


class NoIdentity(XunchaError):
    message = N_("This database has no inspector identity on this laptop (a merged copy); it can "
                 "be read and merged into, not edited: {path}")


class IntegrityFailure(XunchaError):
    message = N_("The database failed its check")


class RecordMissing(XunchaError):
    message = N_("No such record: {record_id}")
