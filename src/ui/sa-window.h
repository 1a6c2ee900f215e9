/* sa-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-access-request-wizard.h"
#include "sa-access-requests-view.h"
#include "sa-license-finder.h"
#include "sa-orders-view.h"
#include "sa-smart-accounts-view.h"

G_BEGIN_DECLS

#define SA_TYPE_WINDOW (sa_window_get_type ())
G_DECLARE_FINAL_TYPE (SaWindow, sa_window, SA, WINDOW, AdwApplicationWindow)

SaWindow     *sa_window_new             (GtkApplication *application);
void          sa_window_show_starting   (SaWindow       *self);
void          sa_window_show_connecting (SaWindow       *self,
                                         const char     *server);
void          sa_window_show_error      (SaWindow       *self,
                                         const char     *title,
                                         const char     *message);
void          sa_window_set_client      (SaWindow       *self,
                                         SaClient       *client,
                                         gboolean        training);
SaOrdersView *sa_window_get_orders_view (SaWindow       *self);

/* The hand-off journal and its watch (issue 10) */
void          sa_window_set_journal     (SaWindow       *self,
                                         SaJournal      *journal,
                                         SaWatch        *watch);
void          sa_window_show_hand_off   (SaWindow       *self,
                                         gint64          id);
SaJournal    *sa_window_get_journal     (SaWindow       *self);
SaWatch      *sa_window_get_watch       (SaWindow       *self);

/* Request access to an existing Smart Account (issue 4) */
SaAccessRequestWizard *sa_window_request_access           (SaWindow       *self,
                                                           const char     *domain);
void                   sa_window_show_access_requests     (SaWindow       *self);
SaAccessRequestsView  *sa_window_get_access_requests_view (SaWindow       *self);

/* The Cisco views (issue 9): the user's Smart Accounts, "Where are my licenses?" */
SaSmartAccountsView   *sa_window_get_smart_accounts_view  (SaWindow       *self);
gboolean               sa_window_show_smart_accounts      (SaWindow       *self);
SaLicenseFinder       *sa_window_find_licenses            (SaWindow       *self,
                                                           const char     *sales_order_number);

/* Training (issue 14): the sandbox client of the training controls
 * (src/ui/training/sa-window-training.c) */
SaDeskClient          *sa_window_get_training_client      (SaWindow       *self);

G_END_DECLS
