/* sa-access-requests-view.h — Your Access Requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-journal-list.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCESS_REQUESTS_VIEW (sa_access_requests_view_get_type ())
G_DECLARE_FINAL_TYPE (SaAccessRequestsView, sa_access_requests_view, SA, ACCESS_REQUESTS_VIEW, AdwBin)

void                    sa_access_requests_view_set_client  (SaAccessRequestsView *self,
                                                             SaClient             *client,
                                                             gboolean              training);
void                    sa_access_requests_view_refresh     (SaAccessRequestsView *self);
gboolean                sa_access_requests_view_get_loading (SaAccessRequestsView *self);
GListModel             *sa_access_requests_view_get_requests (SaAccessRequestsView *self);

void                    sa_access_requests_view_set_journal (SaAccessRequestsView *self,
                                                             SaJournal            *journal,
                                                             SaWatch              *watch);
SaJournalList          *sa_access_requests_view_get_journal_list (SaAccessRequestsView *self);

G_END_DECLS
