/* sa-assign-checks.h — the Assign Smart Account dialog's checks, as notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-assignment-checks.h"
#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ASSIGN_CHECKS (sa_assign_checks_get_type ())
G_DECLARE_FINAL_TYPE (SaAssignChecks, sa_assign_checks, SA, ASSIGN_CHECKS, GtkWidget)

void                 sa_assign_checks_show_results (SaAssignChecks       *self,
                                                    GListModel           *results,
                                                    SaAccountSearchField  field,
                                                    const char           *value,
                                                    gboolean              restricted_hidden);
SaAssignmentProblems sa_assign_checks_check        (SaAssignChecks       *self,
                                                    SaAccountType         slot,
                                                    SaSmartAccount       *account,
                                                    SaVirtualAccount     *virtual_account,
                                                    gboolean              can_use_default);
SaAssignmentProblems sa_assign_checks_get_problems (SaAssignChecks       *self);

G_END_DECLS
