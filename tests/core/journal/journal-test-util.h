/* journal-test-util.h — waiting for the journal's calls, scratch folders,
 * languages and hand-off fixtures, for the tests of src/core/journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core-test-util.h"
#include "sa-core.h"
#include "sa-journal.h"
#include "sa-watch.h"

G_BEGIN_DECLS

GAsyncResult *journal_test_wait            (GAsyncResult **slot);
gboolean      journal_test_run_until       (gboolean     (*done) (gpointer data),
                                            gpointer       data,
                                            guint          timeout_ms);

char         *journal_test_make_dir        (void);
void          journal_test_remove_dir      (const char    *dir);

gboolean      journal_test_open            (SaJournal     *journal,
                                            GError       **error);
gint64        journal_test_add             (SaJournal     *journal,
                                            SaHandOff     *hand_off,
                                            GError       **error);
gboolean      journal_test_update          (SaJournal     *journal,
                                            SaHandOff     *hand_off,
                                            GError       **error);
gboolean      journal_test_remove          (SaJournal     *journal,
                                            SaHandOff     *hand_off,
                                            GError       **error);
GListModel   *journal_test_list            (SaJournal     *journal,
                                            GError       **error);
GListModel   *journal_test_list_open       (SaJournal     *journal);
SaHandOff    *journal_test_find            (SaJournal     *journal,
                                            gint64         id);

GDateTime    *journal_test_date            (int            year,
                                            int            month,
                                            int            day);

SaHandOff    *journal_test_assign          (const char    *order_number,
                                            const char    *domain,
                                            const char    *virtual_account,
                                            const char    *intended_virtual_account,
                                            GDateTime     *handed_off);
SaHandOff    *journal_test_account_request (const char    *domain,
                                            GDateTime     *handed_off);
SaHandOff    *journal_test_access_request  (const char    *domain,
                                            GDateTime     *handed_off);

G_END_DECLS
