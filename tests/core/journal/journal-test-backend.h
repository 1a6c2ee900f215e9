/* journal-test-backend.h — a back end the watch's tests control (their
 * network monitor is tests/core's CoreTestNetwork): the reads the watch makes answer from what the test set, every
 * call is counted, and any of them can fail with a chosen error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-core.h"

G_BEGIN_DECLS

#define JOURNAL_TEST_TYPE_BACKEND (journal_test_backend_get_type ())
G_DECLARE_FINAL_TYPE (JournalTestBackend, journal_test_backend, JOURNAL_TEST, BACKEND, SaClient)

/* The operations it answers, as counted by journal_test_backend_get_calls(). */
typedef enum
{
  JOURNAL_TEST_GET_ORDER,
  JOURNAL_TEST_SEARCH_ACCOUNTS,
  JOURNAL_TEST_MY_ACCOUNTS,
  JOURNAL_TEST_LICENSES_BY_ORDER,
  JOURNAL_TEST_TRANSFER,
  JOURNAL_TEST_N_OPS,
} JournalTestOp;

JournalTestBackend *journal_test_backend_new            (const char         *base_uri);
/* Answers: the orders by number, the Smart Accounts a search finds (exact or
 * partial domain), the user's own accounts (SaAccountAccess), the licenses
 * (SaLicense, each with its Smart Account set) the order search looks in. */
void                journal_test_backend_add_order      (JournalTestBackend *self,
                                                         SaOrder            *order);
void                journal_test_backend_set_accounts   (JournalTestBackend *self,
                                                         GListModel         *accounts);
void                journal_test_backend_set_my_accounts (JournalTestBackend *self,
                                                          GListModel         *accesses);
void                journal_test_backend_set_licenses   (JournalTestBackend *self,
                                                         GListModel         *licenses);
/* Every call of @op fails with @code (SA_CLIENT_ERROR), @message as the
 * message when not NULL; a negative @code clears it. */
void                journal_test_backend_set_error      (JournalTestBackend *self,
                                                         JournalTestOp       op,
                                                         int                 code,
                                                         const char         *message);
guint               journal_test_backend_get_calls      (JournalTestBackend *self,
                                                         JournalTestOp       op);
guint               journal_test_backend_get_all_calls  (JournalTestBackend *self);
/* The last transfer asked for: "domain: source → target: license/type/qty, …". */
const char         *journal_test_backend_get_last_transfer (JournalTestBackend *self);

SaOrder            *journal_test_order_new              (const char         *number,
                                                         SaOrderStatus       status,
                                                         const char         *status_text);
SaLicense          *journal_test_license_new            (const char         *name,
                                                         const char         *domain,
                                                         const char         *virtual_account,
                                                         const char         *order_number,
                                                         const char         *license_type,
                                                         gint64              quantity);
SaSmartAccount     *journal_test_account_new            (const char         *domain,
                                                         SaAccountStatus     status);
SaAccountAccess    *journal_test_access_new             (const char         *domain,
                                                         const char         *role);
/* A GListModel of the objects given, NULL-terminated (transfer full each). */
GListModel         *journal_test_list_of                (GType               type,
                                                         gpointer            first,
                                                         ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
