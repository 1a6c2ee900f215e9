/* sa-account-requests-view.h — the "Smart Account requests" view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-account-request-wizard.h"
#include "sa-core.h"
#include "sa-journal-list.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCOUNT_REQUESTS_VIEW (sa_account_requests_view_get_type ())
G_DECLARE_FINAL_TYPE (SaAccountRequestsView, sa_account_requests_view, SA, ACCOUNT_REQUESTS_VIEW, AdwBin)

void                    sa_account_requests_view_set_client   (SaAccountRequestsView *self,
                                                               SaClient              *client,
                                                               gboolean               training);
void                    sa_account_requests_view_refresh      (SaAccountRequestsView *self);
gboolean                sa_account_requests_view_get_loading  (SaAccountRequestsView *self);
GListModel             *sa_account_requests_view_get_requests (SaAccountRequestsView *self);
SaAccountRequestWizard *sa_account_requests_view_open_wizard  (SaAccountRequestsView *self);
SaAccountRequestWizard *sa_account_requests_view_request_again (SaAccountRequestsView *self,
                                                                SaAccountRequest      *request);

void                    sa_account_requests_view_set_journal  (SaAccountRequestsView *self,
                                                               SaJournal             *journal,
                                                               SaWatch               *watch);
SaJournalList          *sa_account_requests_view_get_journal_list (SaAccountRequestsView *self);

G_END_DECLS
