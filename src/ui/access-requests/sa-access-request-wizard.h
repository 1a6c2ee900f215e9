/* sa-access-request-wizard.h — Request Access to an Existing Smart Account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-wizard.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCESS_REQUEST_WIZARD (sa_access_request_wizard_get_type ())
G_DECLARE_FINAL_TYPE (SaAccessRequestWizard, sa_access_request_wizard, SA, ACCESS_REQUEST_WIZARD, SaWizard)

SaAccessRequestWizard *sa_access_request_wizard_new        (SaClient              *client,
                                                            GtkWindow             *parent,
                                                            const char            *domain);
void             sa_access_request_wizard_set_domain       (SaAccessRequestWizard *self,
                                                            const char            *domain);
void             sa_access_request_wizard_fill             (SaAccessRequestWizard *self,
                                                            SaAccessRequest       *request);

G_END_DECLS
