/* sa-access-request-wizard.h — Request Access to an Existing Smart Account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-profile-editor.h"
#include "sa-wizard.h"

G_BEGIN_DECLS

#define SA_TYPE_ACCESS_REQUEST_WIZARD (sa_access_request_wizard_get_type ())
G_DECLARE_FINAL_TYPE (SaAccessRequestWizard, sa_access_request_wizard, SA, ACCESS_REQUEST_WIZARD, SaWizard)

SaAccessRequestWizard *sa_access_request_wizard_new        (SaClient              *client,
                                                            GtkWindow             *parent,
                                                            const char            *domain);
void             sa_access_request_wizard_set_domain       (SaAccessRequestWizard *self,
                                                            const char            *domain);

/* Kept while tests/ui/sa-screenshot.c calls them, to drive the wizard as the
 * user does; they belong in sa-access-request-wizard-private.h. */
SaProfileEditor *sa_access_request_wizard_get_profile_editor (SaAccessRequestWizard *self);
gboolean         sa_access_request_wizard_get_busy         (SaAccessRequestWizard *self);
void             sa_access_request_wizard_next             (SaAccessRequestWizard *self);
void             sa_access_request_wizard_submit_domain    (SaAccessRequestWizard *self);
GListModel      *sa_access_request_wizard_get_candidates   (SaAccessRequestWizard *self);
gboolean         sa_access_request_wizard_select_candidate (SaAccessRequestWizard *self,
                                                            const char            *account_id);
void             sa_access_request_wizard_set_reason       (SaAccessRequestWizard *self,
                                                            const char            *reason);

G_END_DECLS
