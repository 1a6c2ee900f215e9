/* sa-account-request-wizard.h — the "Request a Smart Account" wizard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-wizard.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCOUNT_REQUEST_WIZARD (sa_account_request_wizard_get_type ())
G_DECLARE_FINAL_TYPE (SaAccountRequestWizard, sa_account_request_wizard, SA, ACCOUNT_REQUEST_WIZARD, SaWizard)

SaAccountRequestWizard *sa_account_request_wizard_new             (SaClient               *client,
                                                                   GtkWindow              *parent);
void                    sa_account_request_wizard_set_assign_mode (SaAccountRequestWizard *self,
                                                                   gboolean                assign_mode);
void                    sa_account_request_wizard_fill            (SaAccountRequestWizard *self,
                                                                   SaAccountRequest       *request);

G_END_DECLS
