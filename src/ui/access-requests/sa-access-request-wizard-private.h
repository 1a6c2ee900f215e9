/* sa-access-request-wizard-private.h — what the page files of the "Request
 * Access to an Existing Smart Account" wizard share
 *
 * The wizard is an SaWizard (common/sa-wizard.h) with four pages, over this
 * one struct:
 *   sa-access-request-wizard.c   the shell's use: class, draft, navigation,
 *                                and "profile": the profile (step 5)
 *   sa-access-request-domain.c   "domain": the Account Domain Identifier and
 *                                the Smart Accounts having it (step 6)
 *   sa-access-request-reason.c   "reason": the Reason for request and Send
 *                                Request (step 7), and "sent": the
 *                                confirmation (step 8)
 *
 * With %SA_CLIENT_FEATURE_PORTAL_HAND_OFF (Cisco) the profile page is left
 * out (the profile is checked in Cisco's portal) and Send Request opens
 * "Complete in Cisco's Portal" (src/ui/hand-off/) instead of sending.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-access-request-wizard.h"
#include "sa-profile-editor.h"
#include "sa-wizard.h"

G_BEGIN_DECLS

typedef struct
{
  GtkEntry       *domain_entry;
  GtkWidget      *submit_button;
  GtkLabel       *domain_error_label;
  GtkWidget      *portal_profile_label;
  GtkStack       *lookup_stack;
  GtkSpinner     *lookup_spinner;
  GtkLabel       *none_label;
  GtkLabel       *found_label;
  GtkListBox     *candidates_list;
  GtkWidget      *known_note;
  GtkLabel       *known_label;
} SaAccessRequestDomainPage;

typedef struct
{
  GtkWidget      *reason_label;
  GtkLabel       *account_summary_label;
  GtkTextView    *reason_view;
  GtkLabel       *reason_error_label;
  GtkLabel       *counter_label;
  GtkWidget      *send_error_note;
  GtkLabel       *send_error_label;
  GtkWidget      *duplicate_button;
} SaAccessRequestReasonPage;

typedef struct
{
  AdwStatusPage  *status_page;
  GtkWidget      *show_requests_button;
} SaAccessRequestSentPage;

struct _SaAccessRequestWizard
{
  SaWizard                   parent_instance;

  SaClient                  *client;
  GCancellable              *cancellable;
  GCancellable              *lookup_cancellable;

  GListModel                *candidates;
  SaSmartAccount            *selected_account;
  GtkCheckButton            *first_check;
  char                      *lookup_domain;      /* being looked up */
  char                      *looked_up_domain;   /* whose candidates are shown */
  char                      *preselect_id;       /* to select once looked up */
  char                      *restore_page;       /* to show once looked up */
  SaAccessRequest           *sent_request;
  GListModel                *my_requests;        /* SaAccessRequest, for the warning */
  GListModel                *my_accounts;        /* SaAccountAccess, when the back end lists them */
  guint                      looking_up : 1;
  guint                      sending : 1;
  guint                      sent : 1;
  guint                      quiet : 1;
  guint                      hand_off : 1;       /* Cisco: completed in the portal */

  SaProfileEditor           *profile_editor;
  SaAccessRequestDomainPage  domain;
  SaAccessRequestReasonPage  reason;
  SaAccessRequestSentPage    sent_page;
};

/* Binds a template child to a member of a page struct. */
#define SA_ACCESS_REQUEST_WIZARD_BIND(widget_class, name, member) \
  gtk_widget_class_bind_template_child_full ((widget_class), (name), FALSE, \
                                             G_STRUCT_OFFSET (SaAccessRequestWizard, member))

/* sa-access-request-domain.c */
void             sa_access_domain_class_init         (GtkWidgetClass        *widget_class);
void             sa_access_domain_init               (SaAccessRequestWizard *self);
void             sa_access_domain_dispose            (SaAccessRequestWizard *self);
void             sa_access_domain_load_known         (SaAccessRequestWizard *self);
const char      *sa_access_domain_get_known_warning  (SaAccessRequestWizard *self);
void             sa_access_domain_show_candidates    (SaAccessRequestWizard *self,
                                                      const char            *domain,
                                                      GListModel            *candidates,
                                                      gboolean               several_required);

/* sa-access-request-reason.c */
void             sa_access_reason_class_init         (GtkWidgetClass        *widget_class);
void             sa_access_reason_init               (SaAccessRequestWizard *self);
char            *sa_access_reason_dup_text           (SaAccessRequestWizard *self);
gboolean         sa_access_reason_is_valid           (SaAccessRequestWizard *self);
void             sa_access_reason_update_summary     (SaAccessRequestWizard *self);
void             sa_access_reason_send               (SaAccessRequestWizard *self);

/* sa-access-request-wizard.c */
void             sa_access_request_wizard_changed    (SaAccessRequestWizard *self);

/* Driving the wizard as the user does, and reading it: for the tests and
 * tests/ui/sa-screenshot.c. */
SaProfileEditor *sa_access_request_wizard_get_profile_editor   (SaAccessRequestWizard *self);
gboolean         sa_access_request_wizard_get_busy             (SaAccessRequestWizard *self);
void             sa_access_request_wizard_next                 (SaAccessRequestWizard *self);
void             sa_access_request_wizard_submit_domain        (SaAccessRequestWizard *self);
GListModel      *sa_access_request_wizard_get_candidates       (SaAccessRequestWizard *self);
gboolean         sa_access_request_wizard_select_candidate     (SaAccessRequestWizard *self,
                                                                const char            *account_id);
void             sa_access_request_wizard_set_reason           (SaAccessRequestWizard *self,
                                                                const char            *reason);
SaSmartAccount  *sa_access_request_wizard_get_selected_account (SaAccessRequestWizard *self);
SaAccessRequest *sa_access_request_wizard_get_sent_request     (SaAccessRequestWizard *self);

G_END_DECLS
