/* sa-journal-db-private.h — what the files of the journal's database share
 *
 * sa-journal-db.c opens the file and writes rows; sa-journal-db-read.c reads
 * them back. Both run in the journal's worker, one thread at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "sa-journal-private.h"

G_BEGIN_DECLS

struct _SaJournalDb
{
  sqlite3 *db;
  char    *path;
};

/* The columns of hand_offs, in the order read_hand_off() reads them. */
#define SA_JOURNAL_DB_HAND_OFF_COLUMNS \
  "id, procedure, subject, state, slot, account_pending, domain, account_name," \
  " virtual_account, intended_virtual_account, customer_email, note_to_customer," \
  " note_to_users, reason, account_id, user_emails, created, handed_off," \
  " last_checked, notices"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

GError       *sa_journal_db_error       (SaJournalDb          *self,
                                         int                   rc,
                                         const char           *what);
gboolean      sa_journal_db_exec        (SaJournalDb          *self,
                                         const char           *sql,
                                         GError              **error);
sqlite3_stmt *sa_journal_db_prepare     (SaJournalDb          *self,
                                         const char           *sql,
                                         GError              **error);
gboolean      sa_journal_db_commit      (SaJournalDb          *self,
                                         GError              **error);
void          sa_journal_db_rollback    (SaJournalDb          *self);
GDateTime    *sa_journal_db_parse_time  (const unsigned char  *text);
void          sa_journal_db_bind_text   (sqlite3_stmt         *stmt,
                                         int                   index,
                                         const char           *text);
const char   *sa_journal_db_column_text (sqlite3_stmt         *stmt,
                                         int                   index);

G_END_DECLS
