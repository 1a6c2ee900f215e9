/* sa-account-request-wizard-private.h — what the page files of the
 * "Request a Smart Account" wizard share
 *
 * The wizard is an SaWizard (common/sa-wizard.h) with four pages, each in its
 * own file over this one struct:
 *   sa-account-request-wizard.c   the shell's use: class, draft, navigation
 *   sa-account-request-form.c     the fields: reading, checking, messages
 *   sa-account-request-identify.c "identify": Identify Account Name and
 *                                 Customer (step 3 a), the domain taken
 *   sa-account-request-users.c    "users": Add Users to the Account (step 3 b)
 *   sa-account-request-review.c   "review": Review Request, Send Request
 *                                 (steps 4 and 5)
 *   sa-account-request-result.c   "result": the provisional Smart Account (step 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-account-request-wizard.h"
#include "sa-status-pill.h"
#include "sa-wizard.h"

G_BEGIN_DECLS

/* The fields of the form, in the order of the pages, are core's
 * SaAccountRequestField (sa-fields.h): what the server refused comes back
 * named by them. */

/* The last field of the "identify" page; the others are on "users". */
#define SA_ACCOUNT_FORM_LAST_IDENTIFY SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER

typedef struct
{
  GtkLabel      *title;
  GtkLabel      *note_to_customer_label;
  GtkWidget     *domain_taken_box;
  GtkButton     *request_access_button;
  GtkLabel      *note_counter;
} SaAccountRequestIdentifyPage;

typedef struct
{
  GtkButton     *add_user_button;
  GtkListBox    *users_list;
  GtkLabel      *users_count_label;
  GtkLabel      *note_counter;
} SaAccountRequestUsersPage;

typedef struct
{
  GtkLabel      *title;
  AdwActionRow  *rows[SA_ACCOUNT_REQUEST_N_FIELDS];
  GtkButton     *edit_buttons[SA_ACCOUNT_REQUEST_N_FIELDS];
  GtkWidget     *send_error_box;
  GtkLabel      *send_error_label;
} SaAccountRequestReviewPage;

typedef struct
{
  AdwStatusPage *status_page;
  AdwActionRow  *account_row;
  SaStatusPill  *status_pill;
  AdwActionRow  *expires_row;
  GtkLabel      *next_label;
  GtkButton     *assign_button;
} SaAccountRequestResultPage;

struct _SaAccountRequestWizard
{
  SaWizard                      parent_instance;

  SaClient                     *client;
  GCancellable                 *cancellable;
  SaAccountRequest             *request;
  GtkStringList                *users;
  char                         *taken_domain;
  char                         *server_errors[SA_ACCOUNT_REQUEST_N_FIELDS];  /* refused on Send, or NULL */
  gboolean                      touched[SA_ACCOUNT_REQUEST_N_FIELDS];
  guint                         restoring : 1;
  guint                         sending : 1;
  guint                         sent : 1;
  guint                         assign_mode : 1;

  /* The field widgets (an AdwEntryRow or a GtkTextView; for the users, the
   * "User Emails" entry) and the label under each. */
  GtkWidget                    *field_widgets[SA_ACCOUNT_REQUEST_N_FIELDS];
  GtkLabel                     *field_messages[SA_ACCOUNT_REQUEST_N_FIELDS];

  SaAccountRequestIdentifyPage  identify;
  SaAccountRequestUsersPage     users_page;
  SaAccountRequestReviewPage    review;
  SaAccountRequestResultPage    result;
};

/* Binds a template child to a member of a page struct. */
#define SA_ACCOUNT_REQUEST_WIZARD_BIND(widget_class, name, member) \
  gtk_widget_class_bind_template_child_full ((widget_class), (name), FALSE, \
                                             G_STRUCT_OFFSET (SaAccountRequestWizard, member))

/* sa-account-request-form.c */
extern const char * const sa_account_form_names[SA_ACCOUNT_REQUEST_N_FIELDS];

void                  sa_account_form_class_init             (GtkWidgetClass         *widget_class);
void                  sa_account_form_init                   (SaAccountRequestWizard *self);
char                 *sa_account_form_dup_text               (SaAccountRequestWizard *self,
                                                              SaAccountRequestField   field);
char                 *sa_account_form_dup_raw_text           (SaAccountRequestWizard *self,
                                                              SaAccountRequestField   field);
void                  sa_account_form_set_text               (SaAccountRequestWizard *self,
                                                              SaAccountRequestField   field,
                                                              const char             *text);
gboolean              sa_account_form_check_field            (SaAccountRequestWizard *self,
                                                              SaAccountRequestField   field,
                                                              char                  **message);
gboolean              sa_account_form_fields_valid           (SaAccountRequestWizard *self,
                                                              SaAccountRequestField   first,
                                                              SaAccountRequestField   last);
SaAccountRequestField sa_account_form_first_invalid          (SaAccountRequestWizard *self);
SaAccountRequestField sa_account_form_field_from_name        (const char             *name);
void                  sa_account_form_update_field           (SaAccountRequestWizard *self,
                                                              SaAccountRequestField   field);
void                  sa_account_form_update_all             (SaAccountRequestWizard *self);
gboolean              sa_account_form_is_empty               (SaAccountRequestWizard *self);
void                  sa_account_form_clear                  (SaAccountRequestWizard *self);
void                  sa_account_form_go_to_field            (SaAccountRequestWizard *self,
                                                              SaAccountRequestField   field);
gboolean              sa_account_form_show_refused           (SaAccountRequestWizard *self,
                                                              const GError           *error);
void                  sa_account_form_forget_server_errors   (SaAccountRequestWizard *self);

/* sa-account-request-identify.c */
void                  sa_account_identify_class_init         (GtkWidgetClass         *widget_class);
void                  sa_account_identify_update             (SaAccountRequestWizard *self);

/* sa-account-request-users.c */
void                  sa_account_users_class_init            (GtkWidgetClass         *widget_class);
void                  sa_account_users_init                  (SaAccountRequestWizard *self);
void                  sa_account_users_dispose               (SaAccountRequestWizard *self);
char                **sa_account_users_dup                   (SaAccountRequestWizard *self);
gboolean              sa_account_users_contain               (SaAccountRequestWizard *self,
                                                              const char             *address);
gboolean              sa_account_users_check_pending         (SaAccountRequestWizard *self,
                                                              char                  **message);
void                  sa_account_users_add_pending           (SaAccountRequestWizard *self);
void                  sa_account_users_update                (SaAccountRequestWizard *self);

/* sa-account-request-review.c */
void                  sa_account_review_class_init           (GtkWidgetClass         *widget_class);
void                  sa_account_review_fill                 (SaAccountRequestWizard *self);
void                  sa_account_review_send                 (SaAccountRequestWizard *self);

/* sa-account-request-result.c */
void                  sa_account_result_class_init           (GtkWidgetClass         *widget_class);
void                  sa_account_result_show                 (SaAccountRequestWizard *self);

/* Read by the tests and tests/ui/sa-screenshot.c. */
gboolean              sa_account_request_wizard_get_sending  (SaAccountRequestWizard *self);
SaAccountRequest     *sa_account_request_wizard_get_request  (SaAccountRequestWizard *self);
GListModel           *sa_account_request_wizard_get_users    (SaAccountRequestWizard *self);
const char           *sa_account_request_wizard_get_page     (SaAccountRequestWizard *self);
gboolean              sa_account_request_wizard_get_draft_checked (SaAccountRequestWizard *self);

G_END_DECLS
