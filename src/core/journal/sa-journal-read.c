/* sa-journal-read.c — the journal's reads: the lists the views and the watch
 * ask for, and the CSV export
 *
 * Each call is a job of sa-journal.c, run in a worker thread; the lists are
 * new hand-off objects, each with its observations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-journal.h"
#include "sa-journal-private.h"

static void
list (SaJournal           *self,
      SaJournalQuery       query,
      const char          *subject,
      SaHandOffProcedure   procedure,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  SaJournalJob *job = sa_journal_job_new (SA_JOURNAL_JOB_LIST, NULL);

  job->query = query;
  job->subject = g_strstrip (g_strdup (subject != NULL ? subject : ""));
  job->procedure = procedure;
  sa_journal_submit (self, job, sa_journal_list_async, cancellable, callback, user_data);
}

/**
 * sa_journal_list_async:
 * @self: an #SaJournal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists every hand-off, with its observations. Finish with
 * sa_journal_list_finish().
 */
void
sa_journal_list_async (SaJournal           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (SA_IS_JOURNAL (self));
  list (self, SA_JOURNAL_QUERY_ALL, NULL, 0, cancellable, callback, user_data);
}

/**
 * sa_journal_list_for_subject_async:
 * @self: an #SaJournal
 * @subject: a Sales Order No. (an order page's entries) or a Domain
 *   Identifier (procedures 3 and 4)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the hand-offs about @subject. Finish with sa_journal_list_finish().
 */
void
sa_journal_list_for_subject_async (SaJournal           *self,
                                   const char          *subject,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (SA_IS_JOURNAL (self));
  g_return_if_fail (subject != NULL);
  list (self, SA_JOURNAL_QUERY_SUBJECT, subject, 0, cancellable, callback, user_data);
}

/**
 * sa_journal_list_for_procedure_async:
 * @self: an #SaJournal
 * @procedure: a procedure (the Smart Account requests view lists procedure
 *   3, the Access requests view procedure 4)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the hand-offs of @procedure. Finish with sa_journal_list_finish().
 */
void
sa_journal_list_for_procedure_async (SaJournal           *self,
                                     SaHandOffProcedure   procedure,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SA_IS_JOURNAL (self));
  list (self, SA_JOURNAL_QUERY_PROCEDURE, NULL, procedure, cancellable, callback, user_data);
}

/**
 * sa_journal_list_open_async:
 * @self: an #SaJournal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the hand-offs the watch follows (handed off, observed partly): what
 * it resumes after a restart. Finish with sa_journal_list_finish().
 */
void
sa_journal_list_open_async (SaJournal           *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (SA_IS_JOURNAL (self));
  list (self, SA_JOURNAL_QUERY_OPEN, NULL, 0, cancellable, callback, user_data);
}

/**
 * sa_journal_list_finish:
 * @self: an #SaJournal
 * @result: the #GAsyncResult of one of the sa_journal_list_*_async()
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaHandOff (new
 *   objects, each with its observations), oldest first; %NULL with
 *   %SA_JOURNAL_ERROR_FAILED, %SA_JOURNAL_ERROR_BUSY,
 *   %SA_JOURNAL_ERROR_UNAVAILABLE or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_journal_list_finish (SaJournal     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  SaJournalJob *job = sa_journal_finish_job (self, result, sa_journal_list_async, error);

  return job != NULL ? g_steal_pointer (&job->result) : NULL;
}

/**
 * sa_journal_export_csv_async:
 * @self: an #SaJournal
 * @file: where to write (replaced if it exists)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Writes every hand-off to @file as CSV (sa_journal_format_csv(): RFC 4180,
 * UTF-8, the UI language of the moment), for a partner's records.
 */
void
sa_journal_export_csv_async (SaJournal           *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SaJournalJob *job;

  g_return_if_fail (SA_IS_JOURNAL (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = sa_journal_job_new (SA_JOURNAL_JOB_EXPORT, NULL);
  job->query = SA_JOURNAL_QUERY_ALL;
  job->file = g_object_ref (file);
  sa_journal_submit (self, job, sa_journal_export_csv_async, cancellable, callback, user_data);
}

/**
 * sa_journal_export_csv_finish:
 * @self: an #SaJournal
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when the file is written; %FALSE with
 *   %SA_JOURNAL_ERROR_EXPORT_FAILED, %SA_JOURNAL_ERROR_FAILED,
 *   %SA_JOURNAL_ERROR_BUSY, %SA_JOURNAL_ERROR_UNAVAILABLE or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_journal_export_csv_finish (SaJournal     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return sa_journal_finish_job (self, result, sa_journal_export_csv_async, error) != NULL;
}
