/* sa-journal-private.h — what the journal's files share (not for the UI)
 *
 * sa-journal.c holds the object, its lock, its worker jobs and its writes;
 * sa-journal-read.c its reads; sa-journal-error.c its errors and names;
 * sa-journal-db.c the SQLite database itself, used by one thread at a time;
 * sa-journal-csv.c the CSV text. The journal also sets what only it may
 * set on hand-offs and observations read back from disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-hand-off.h"
#include "sa-hand-off-observation.h"
#include "sa-journal.h"

G_BEGIN_DECLS

/* GEnum nick ↔ value, for the names kept in the journal. */
const char *sa_journal_enum_to_nick         (GType                 type,
                                             int                   value);
gboolean    sa_journal_enum_from_nick       (GType                 type,
                                             const char           *nick,
                                             int                  *value);

/* Set by the journal only (sa-hand-off.c, sa-hand-off-observation.c). */
void        sa_hand_off_set_id              (SaHandOff            *self,
                                             gint64                id);
void        sa_hand_off_set_created         (SaHandOff            *self,
                                             GDateTime            *when);
void        sa_hand_off_set_notices         (SaHandOff            *self,
                                             SaHandOffNotices      notices);
void        sa_hand_off_observation_set_id  (SaHandOffObservation *self,
                                             gint64                id);

/* Which rows a list reads. */
typedef enum
{
  SA_JOURNAL_QUERY_ALL,
  SA_JOURNAL_QUERY_SUBJECT,
  SA_JOURNAL_QUERY_PROCEDURE,
  SA_JOURNAL_QUERY_OPEN,
} SaJournalQuery;

/* sa-journal-db.c: one connection to the database file. Every function is
 * called by one thread at a time (the journal's lock); every change is one
 * transaction. */
typedef struct _SaJournalDb SaJournalDb;

/* Opens (creating the folder, the file and the schema as needed). When the
 * file was damaged or newer and had to be kept aside, a fresh journal is
 * opened and *report receives SA_JOURNAL_ERROR_CORRUPT or _TOO_NEW (its
 * message names the kept file) and *kept_aside_path the file's new name. */
SaJournalDb *sa_journal_db_open             (const char           *path,
                                             GError              **report,
                                             char                **kept_aside_path,
                                             GError              **error);
void         sa_journal_db_close            (SaJournalDb          *db);
/* Writes @hand_off and its observations; sets their ids on @hand_off. */
gint64       sa_journal_db_add              (SaJournalDb          *db,
                                             SaHandOff            *hand_off,
                                             GError              **error);
/* Rewrites the row and adds the observations whose id is 0 (ids set). */
gboolean     sa_journal_db_update           (SaJournalDb          *db,
                                             SaHandOff            *hand_off,
                                             GError              **error);
/* The state only (and the hand-off date when the row has none). */
gboolean     sa_journal_db_set_state        (SaJournalDb          *db,
                                             gint64                id,
                                             SaHandOffState        state,
                                             GDateTime            *handed_off,
                                             GError              **error);
/* One observation only (its id set). */
gboolean     sa_journal_db_add_observation  (SaJournalDb          *db,
                                             gint64                id,
                                             SaHandOffObservation *observation,
                                             GError              **error);
gboolean     sa_journal_db_remove           (SaJournalDb          *db,
                                             gint64                id,
                                             GError              **error);
/* A GListModel of SaHandOff with their observations, oldest first.
 * @subject for SA_JOURNAL_QUERY_SUBJECT, @procedure for _PROCEDURE. */
GListModel  *sa_journal_db_list             (SaJournalDb          *db,
                                             SaJournalQuery        query,
                                             const char           *subject,
                                             SaHandOffProcedure    procedure,
                                             GError              **error);

/* sa-journal.c: a call of the journal, run by its worker (the reads of
 * sa-journal-read.c are jobs too). */
typedef enum
{
  SA_JOURNAL_JOB_OPEN,
  SA_JOURNAL_JOB_ADD,
  SA_JOURNAL_JOB_UPDATE,
  SA_JOURNAL_JOB_SET_STATE,
  SA_JOURNAL_JOB_ADD_OBSERVATION,
  SA_JOURNAL_JOB_REMOVE,
  SA_JOURNAL_JOB_LIST,
  SA_JOURNAL_JOB_EXPORT,
} SaJournalJobKind;

typedef struct
{
  SaJournalJobKind      kind;
  SaHandOff            *hand_off;         /* the caller's: its thread only */
  SaHandOff            *copy;             /* the worker's */
  SaHandOffObservation *observation;      /* the caller's: its thread only */
  SaHandOffObservation *observation_copy; /* the worker's */
  SaHandOffState        state;
  GDateTime            *handed_off;
  gint64                id;
  SaJournalQuery        query;
  char                 *subject;
  SaHandOffProcedure    procedure;
  GFile                *file;
  GListModel           *result;
  GError               *report;
  char                 *kept_aside;
} SaJournalJob;

SaJournalJob *sa_journal_job_new            (SaJournalJobKind      kind,
                                             SaHandOff            *hand_off);
void          sa_journal_job_free           (gpointer              data);
void          sa_journal_submit             (SaJournal            *self,
                                             SaJournalJob         *job,
                                             gpointer              source_tag,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
SaJournalJob *sa_journal_finish_job         (SaJournal            *self,
                                             GAsyncResult         *result,
                                             gpointer              source_tag,
                                             GError              **error);

/* sa-journal-error.c: the translated error for @code; @detail (never secret) goes
 * to the debug log; @path is named in CORRUPT, TOO_NEW and UNAVAILABLE. */
GError      *sa_journal_error_new           (SaJournalError        code,
                                             const char           *path,
                                             const char           *detail);

G_END_DECLS
