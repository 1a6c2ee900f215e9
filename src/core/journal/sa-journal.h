/* sa-journal.h — the hand-off journal: every procedure handed to Cisco's
 * portal, kept in a local SQLite database
 *
 * One row per hand-off (sa-hand-off.h) with its observations, in
 * g_get_user_data_dir()/smart-account-desk/journal.sqlite3. Every call is
 * asynchronous and runs off the caller's thread (one connection, used by one
 * worker at a time), so the UI never waits for the disk. Every change is one
 * transaction: the journal survives crashes and restarts. A damaged file, or
 * one written by a newer version of the app, is kept aside under a new name
 * and reported; a fresh journal starts. Two instances of the app may open it
 * at once (WAL, busy timeout). docs/journal.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-hand-off.h"

G_BEGIN_DECLS

#define SA_JOURNAL_ERROR (sa_journal_error_quark ())

/**
 * SaJournalError:
 * @SA_JOURNAL_ERROR_FAILED: the database refused a read or write (disk full,
 *   permissions…); details go to the debug log
 * @SA_JOURNAL_ERROR_UNAVAILABLE: the journal's file or folder cannot be
 *   created or opened at all
 * @SA_JOURNAL_ERROR_CORRUPT: the file was damaged or is not a journal: it was
 *   kept aside (renamed with the time) and a fresh, empty journal started;
 *   the journal is usable
 * @SA_JOURNAL_ERROR_TOO_NEW: the file was written by a newer version of the
 *   app (its schema version is higher): it was kept aside and a fresh journal
 *   started; the journal is usable
 * @SA_JOURNAL_ERROR_BUSY: another instance of the app held the journal for
 *   longer than the busy timeout; try again
 * @SA_JOURNAL_ERROR_NOT_FOUND: the hand-off is no longer in the journal
 *   (removed meanwhile)
 * @SA_JOURNAL_ERROR_INVALID: the hand-off lacks a value its procedure needs
 *   (sa_hand_off_validate())
 * @SA_JOURNAL_ERROR_EXPORT_FAILED: the CSV file could not be written
 *
 * Error codes of %SA_JOURNAL_ERROR. Every message is a translated sentence
 * for the user, saying what happened and what to do next: show
 * `error->message`.
 */
typedef enum
{
  SA_JOURNAL_ERROR_FAILED,
  SA_JOURNAL_ERROR_UNAVAILABLE,
  SA_JOURNAL_ERROR_CORRUPT,
  SA_JOURNAL_ERROR_TOO_NEW,
  SA_JOURNAL_ERROR_BUSY,
  SA_JOURNAL_ERROR_NOT_FOUND,
  SA_JOURNAL_ERROR_INVALID,
  SA_JOURNAL_ERROR_EXPORT_FAILED,
} SaJournalError;

/* The schema version this build writes (PRAGMA user_version). */
#define SA_JOURNAL_SCHEMA_VERSION 1

GQuark sa_journal_error_quark (void);

#define SA_TYPE_JOURNAL (sa_journal_get_type ())
G_DECLARE_FINAL_TYPE (SaJournal, sa_journal, SA, JOURNAL, GObject)

/* Properties: "path" (string, construct-only). Signal: "changed" (int64 id of
 * the hand-off added, updated or removed), emitted in the thread-default main
 * context of the journal's creator once the change is on disk. */
SaJournal  *sa_journal_new                       (const char          *path);
char       *sa_journal_dup_default_path          (void);
const char *sa_journal_get_path                  (SaJournal           *self);

void        sa_journal_open_async                (SaJournal           *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean    sa_journal_open_finish               (SaJournal           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
const char *sa_journal_get_kept_aside_path       (SaJournal           *self);

void        sa_journal_add_async                 (SaJournal           *self,
                                                  SaHandOff           *hand_off,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gint64      sa_journal_add_finish                (SaJournal           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

void        sa_journal_update_async              (SaJournal           *self,
                                                  SaHandOff           *hand_off,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void        sa_journal_set_state_async           (SaJournal           *self,
                                                  SaHandOff           *hand_off,
                                                  SaHandOffState       state,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void        sa_journal_add_observation_async     (SaJournal           *self,
                                                  SaHandOff           *hand_off,
                                                  SaHandOffObservation *observation,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean    sa_journal_update_finish             (SaJournal           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

void        sa_journal_list_async                (SaJournal           *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void        sa_journal_list_for_subject_async    (SaJournal           *self,
                                                  const char          *subject,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void        sa_journal_list_for_procedure_async  (SaJournal           *self,
                                                  SaHandOffProcedure   procedure,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void        sa_journal_list_open_async           (SaJournal           *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GListModel *sa_journal_list_finish               (SaJournal           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

void        sa_journal_remove_async              (SaJournal           *self,
                                                  SaHandOff           *hand_off,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean    sa_journal_remove_finish             (SaJournal           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

void        sa_journal_export_csv_async          (SaJournal           *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean    sa_journal_export_csv_finish         (SaJournal           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
char       *sa_journal_format_csv                (GListModel          *hand_offs);

G_END_DECLS
