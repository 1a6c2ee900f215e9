/* sa-ui-test-util.h — helpers for the UI tests and the screenshot tool, in
 * one library: sa-ui-test-util.c (the environment, waiting, the sandbox and
 * its client, the main window), sa-ui-test-widgets.c (finding and picturing
 * widgets), sa-ui-test-wizards.c (the wizards, drafts, the journal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-access-request-wizard.h"
#include "sa-core.h"
#include "sa-sandbox-thread.h"
#include "sa-window.h"

/* The widgets' test-only accessors, for every UI test. */
#include "sa-assign-dialog-private.h"
#include "sa-order-page-private.h"
#include "sa-orders-view-private.h"
#include "sa-preferences-window-private.h"
#include "sa-session-private.h"
#include "sa-sign-in-dialog-private.h"

G_BEGIN_DECLS

/* A template child of @widget, whose class is @type, by its id in the .ui file. */
#define SA_TEST_CHILD(widget, type, name) \
  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name))

typedef gboolean (*SaTestCondition) (gpointer user_data);

typedef struct
{
  char            *data_dir;
  SaSandboxThread *sandbox;
  SaClient        *client;
} SaTestSandbox;

void           sa_test_setup_environment (void);
void           sa_test_skip_all          (gboolean          tap,
                                          const char       *reason) G_GNUC_NORETURN;
gboolean       sa_test_keyring_unlocked  (GError          **error);
void           sa_test_init_gtk          (int              *argc,
                                          char           ***argv);
void           sa_test_set_language      (const char       *language);
gboolean       sa_test_wait_until        (SaTestCondition   condition,
                                          gpointer          user_data,
                                          guint             timeout_ms);
void           sa_test_wait_ms           (guint             ms);
GAsyncResult  *sa_test_wait_for_result   (void);
void           sa_test_async_ready_cb    (GObject          *source,
                                          GAsyncResult     *result,
                                          gpointer          user_data);

SaTestSandbox *sa_test_sandbox_new       (void);
void           sa_test_sandbox_free      (SaTestSandbox    *sandbox);
SaClient      *sa_test_new_client        (SaTestSandbox    *sandbox);
SaClient      *sa_test_new_practice_client (SaTestSandbox  *sandbox);

GListModel    *sa_test_list_orders       (SaClient         *client);
SaOrder       *sa_test_get_order         (SaClient         *client,
                                          const char       *sales_order_number);
SaOrder       *sa_test_find_order        (SaClient         *client,
                                          gboolean        (*predicate) (SaOrder *order),
                                          const char       *exclude);
gboolean       sa_test_order_is_holding_only (SaOrder      *order);
gboolean       sa_test_order_is_unassigned   (SaOrder      *order);
gboolean       sa_test_order_is_changeable_without_end_customer (SaOrder *order);
gboolean       sa_test_order_is_shipped  (SaOrder          *order);
GListModel    *sa_test_search_accounts   (SaClient         *client,
                                          const char       *domain,
                                          int               type_filter);
gboolean       sa_test_find_japanese_virtual_account (SaClient *client,
                                                      char    **domain,
                                                      char    **virtual_account);
void           sa_test_ship_order        (SaClient         *client,
                                          const char       *sales_order_number);

gboolean       sa_test_is_japanese       (const char       *str);

/* sa-ui-test-widgets.c: finding widgets, whether one is drawn, a picture
 * of one. */
GtkWidget     *sa_test_find_label        (GtkWidget        *root,
                                          const char       *text);
GtkWidget     *sa_test_find_widget_of_type (GtkWidget      *root,
                                            GType           type);
gboolean       sa_test_widget_is_drawable (GtkWidget       *widget);
GtkShortcut   *sa_test_find_shortcut     (GtkWidget           *widget,
                                          const char          *accelerator,
                                          GtkPropagationPhase *phase);
gboolean       sa_test_save_png          (GtkWidget        *widget,
                                          const char       *path,
                                          GError          **error);

GListModel    *sa_test_list_access_requests (SaClient      *client);
SaAccessRequest *sa_test_find_access_request (GListModel     *requests,
                                              const char     *id);
char          *sa_test_dup_without_mnemonic (const char     *label);

/* Driving the main window, and the conditions the UI tests wait for
 * (each an SaTestCondition; the argument named in the comment). */
SaWindow      *sa_test_new_window        (SaTestSandbox    *sandbox);
void           sa_test_click             (GtkWidget        *button);
gboolean       sa_test_orders_loaded     (gpointer          orders_view);
gboolean       sa_test_order_page_loaded (gpointer          order_page);
SaOrderPage   *sa_test_open_order_by_search (SaWindow      *window,
                                             const char    *sales_order_number);
SaOrderPage   *sa_test_open_single_match (SaWindow         *window,
                                          const char       *sales_order_number);
gboolean       sa_test_order_page_idle   (gpointer          order_page);
gboolean       sa_test_results_shown     (gpointer          results_stack);
gboolean       sa_test_virtual_accounts_loaded (gpointer    dropdown);

/* sa-ui-test-wizards.c: the wizards: focus, the conditions they are waited
 * on (each takes the widget named), the Smart Accounts the access request
 * wizard offers, drafts (SA_DRAFT_ACCOUNT_REQUEST, …), and a state directory
 * of the test's own for them. */
gboolean       sa_test_has_focus_in      (GtkWidget        *window,
                                          GtkWidget        *widget);
gboolean       sa_test_profile_loaded    (gpointer          profile_editor);
gboolean       sa_test_access_wizard_idle (gpointer         access_wizard);
gboolean       sa_test_access_wizard_ready (gpointer        access_wizard);
const char    *sa_test_find_candidate_id (SaAccessRequestWizard *wizard,
                                          const char            *name);
gboolean       sa_test_draft_looked_for  (gpointer          wizard);
gboolean       sa_test_draft_offered     (gpointer          wizard);
GVariant      *sa_test_load_draft        (const char       *name);
GVariant      *sa_test_try_load_draft    (const char       *name);
gboolean       sa_test_draft_saved       (gpointer          name);
void           sa_test_remove_draft      (const char       *name);
char          *sa_test_use_state_dir     (const char       *tmpl);
void           sa_test_remove_state_dir  (char             *state_dir);

SaSmartAccount *sa_test_search_account   (SaClient         *client,
                                          const char       *domain,
                                          const char       *name);

/* sa-ui-test-wizards.c: the hand-off journal (src/core/journal): opened, an
 * entry added, an entry by its id, and a wait condition for an entry
 * reaching a state. */
typedef struct
{
  SaJournal      *journal;
  gint64          id;
  SaHandOffState  state;
} SaTestHandOffState;

SaJournal     *sa_test_open_journal           (const char       *dir,
                                               const char       *name);
void           sa_test_add_hand_off           (SaJournal        *journal,
                                               SaHandOff        *hand_off);
SaHandOff     *sa_test_find_hand_off          (SaJournal        *journal,
                                               gint64            id);
gboolean       sa_test_hand_off_state_reached (gpointer          user_data);

G_END_DECLS
