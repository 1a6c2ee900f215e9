/* sa-status-pill.h — the coloured pill that shows a status in one word or two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_STATUS_PILL (sa_status_pill_get_type ())
G_DECLARE_FINAL_TYPE (SaStatusPill, sa_status_pill, SA, STATUS_PILL, GtkWidget)

GtkWidget  *sa_status_pill_new                    (void);
void        sa_status_pill_set                    (SaStatusPill          *self,
                                                   const char            *label,
                                                   const char            *kind);
const char *sa_status_pill_get_label              (SaStatusPill          *self);
const char *sa_status_pill_get_kind               (SaStatusPill          *self);
void        sa_status_pill_set_order_status       (SaStatusPill          *self,
                                                   SaOrderStatus          status);
void        sa_status_pill_set_account_status     (SaStatusPill          *self,
                                                   SaAccountStatus        status);
void        sa_status_pill_set_account_request_status (SaStatusPill      *self,
                                                       SaAccountStatus    status);
void        sa_status_pill_set_access_request_status  (SaStatusPill      *self,
                                                       SaAccessRequestStatus status);
void        sa_status_pill_set_export_hold        (SaStatusPill          *self,
                                                   gboolean               export_hold);

G_END_DECLS
