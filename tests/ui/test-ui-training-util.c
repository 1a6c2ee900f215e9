/* test-ui-training-util.c — what the training UI tests share (issue 14):
 * starting an exercise from the Training Scenarios view by its Start
 * button, waiting for the state the server gives it (as the view shows it,
 * and as the server answers), the training controls of the order page, the
 * Assign Smart Account dialog driven as a trainee would, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "sa-assign-dialog.h"
#include "sa-order-page.h"
#include "test-ui-training-util.h"

typedef struct
{
  GtkWidget *window;
  int        width;
} WidthWait;

static gboolean
has_width (gpointer user_data)
{
  WidthWait *wait = user_data;

  return gtk_widget_get_width (wait->window) == wait->width;
}

/**
 * sa_training_test_set_width:
 * @window: a shown window
 * @width: the width wanted, in pixels
 *
 * Resizes @window to @width (its frame counted, as test-ui-narrow.c does)
 * and waits until it is allocated so (3 s at most).
 */
void
sa_training_test_set_width (SaWindow *window,
                            int       width)
{
  WidthWait wait = { GTK_WIDGET (window), width };
  int frame = 0, child = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  if (sa_test_wait_until (has_width, &wait, 3000))
    return;
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &frame, NULL, NULL, NULL);
  gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1, &child,
                      NULL, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width + frame - child, 800);
  sa_test_wait_until (has_width, &wait, 3000);
}

/**
 * sa_training_test_assert_narrow:
 * @window: a shown window
 *
 * Asserts that @window's content fits 360 px (the narrowest width the
 * metainfo claims), as test-ui-narrow.c does for the other views.
 */
/* The widgets wider than 340 px under @widget, for the log. */
static void
log_wide (GtkWidget *widget,
          int        depth)
{
  int minimum = 0;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= (depth > 14 ? 250 : 340)) /* deep down, what holds it wide */
    return;
  g_test_message ("%*s%s %s: %d", depth, "", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget), minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    log_wide (child, depth + 1);
}

void
sa_training_test_assert_narrow (SaWindow *window)
{
  int minimum = 0;

  gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  if (minimum > 360)
    log_wide (gtk_window_get_child (GTK_WINDOW (window)), 0);
  g_assert_cmpint (minimum, <=, 360);
}

/**
 * sa_training_test_shoot:
 * @window: the main window
 * @name: the file's name, without ".png"
 *
 * With SA_TRAINING_SHOTS=DIR, saves @window as DIR/@name.png (reviewing the
 * layout and the translations); otherwise does nothing.
 */
void
sa_training_test_shoot (SaWindow   *window,
                        const char *name)
{
  const char *dir = g_getenv ("SA_TRAINING_SHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  if (g_getenv ("SA_TRAINING_SHOTS_WIDTH") != NULL)
    sa_training_test_set_width (window, atoi (g_getenv ("SA_TRAINING_SHOTS_WIDTH")));
  sa_test_wait_ms (400);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  sa_test_save_png (GTK_WIDGET (window), path, NULL);
}

/**
 * sa_training_test_find_named:
 * @root: where to look
 * @name: a widget name (gtk_widget_set_name())
 *
 * Returns: (transfer none) (nullable): the widget named @name under @root
 *   (depth first)
 */
GtkWidget *
sa_training_test_find_named (GtkWidget  *root,
                             const char *name)
{
  GtkWidget *child;

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sa_training_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The Training Scenarios view of @window. */
SaScenariosView *
sa_training_test_scenarios_view (SaWindow *window)
{
  return SA_SCENARIOS_VIEW (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "scenarios_view"));
}

/* A page of @window's view stack, by its id in sa-window.ui. */
AdwViewStackPage *
sa_training_test_page_of (SaWindow   *window,
                          const char *name)
{
  return ADW_VIEW_STACK_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), SA_TYPE_WINDOW, name));
}

/* A condition: @window knows its back end is a sandbox. */
gboolean
sa_training_test_has_client (gpointer window)
{
  return sa_window_get_training_client (window) != NULL;
}

/* A condition: the Scenarios view @view read the exercises. */
gboolean
sa_training_test_scenarios_loaded (gpointer view)
{
  return sa_scenarios_view_is_loaded (view);
}

/* A condition: @widget is visible. */
gboolean
sa_training_test_label_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/**
 * sa_training_test_show_view:
 * @window: the main window
 * @name: a view's name in the view switcher ("orders", "training-scenarios", …)
 *
 * Shows that view, as its tab would.
 */
void
sa_training_test_show_view (SaWindow   *window,
                            const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack")), name);
}

typedef struct
{
  SaScenariosView  *view;
  const char       *id;
  SaScenarioStatus  status;
} StatusWait;

static gboolean
scenario_has_status (gpointer user_data)
{
  StatusWait *wait = user_data;
  GListModel *scenarios = sa_scenarios_view_get_scenarios (wait->view);
  guint i;

  for (i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (sa_training_scenario_get_id (s), wait->id) == 0)
        return sa_training_scenario_get_status (s) == wait->status && sa_training_scenario_is_current (s);
    }

  return FALSE;
}

/**
 * sa_training_test_wait_status:
 * @view: the Training Scenarios view
 * @id: an exercise
 * @status: the state to wait for
 *
 * Waits until @view shows @id as the current exercise, in @status (the view
 * reads the progress again by itself while shown).
 */
void
sa_training_test_wait_status (SaScenariosView  *view,
                              const char       *id,
                              SaScenarioStatus  status)
{
  StatusWait wait = { view, id, status };
  GListModel *scenarios;

  if (sa_test_wait_until (scenario_has_status, &wait, SA_TRAINING_WAIT_MS))
    return;
  scenarios = sa_scenarios_view_get_scenarios (view);
  for (guint i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (scenarios, i);

      g_test_message ("%s: status %d%s", sa_training_scenario_get_id (s), sa_training_scenario_get_status (s),
                      sa_training_scenario_is_current (s) ? " (current)" : "");
    }
  g_error ("The Training Scenarios view does not show %s in state %d", id, status);
}

/**
 * sa_training_test_server_status:
 * @sandbox: the sandbox
 * @id: an exercise
 *
 * Asks the server (GET /sandbox/scenarios, which checks the goal on the
 * trainee's data) for @id's state; @id must be the current exercise.
 *
 * Returns: the state the server gives
 */
SaScenarioStatus
sa_training_test_server_status (SaTestSandbox *sandbox,
                                const char    *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) scenarios = NULL;
  guint i;

  sa_desk_client_sandbox_list_scenarios_async (SA_DESK_CLIENT (sandbox->client), NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  scenarios = sa_desk_client_sandbox_list_scenarios_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
  g_assert_no_error (error);
  for (i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (sa_training_scenario_get_id (s), id) == 0)
        {
          g_assert_true (sa_training_scenario_is_current (s));
          return sa_training_scenario_get_status (s);
        }
    }
  g_assert_not_reached ();
}

/**
 * sa_training_test_start_in_view:
 * @window: the main window, on a sandbox
 * @id: an exercise
 *
 * Shows the Training Scenarios view, clicks @id's Start (or Restart) button
 * and waits until the goal is stated.
 */
void
sa_training_test_start_in_view (SaWindow   *window,
                                const char *id)
{
  SaScenariosView *view = sa_training_test_scenarios_view (window);
  g_autofree char *button_name = g_strconcat ("start-", id, NULL);
  GtkWidget *button;

  g_assert_true (adw_view_stack_page_get_visible (sa_training_test_page_of (window, "scenarios_page")));
  sa_training_test_show_view (window, "training-scenarios");
  g_assert_true (sa_test_wait_until (sa_training_test_scenarios_loaded, view, SA_TRAINING_WAIT_MS));

  button = sa_training_test_find_named (GTK_WIDGET (view), button_name);
  g_assert_nonnull (button);
  sa_test_click (button);
  sa_training_test_wait_status (view, id, SA_SCENARIO_STARTED);

  /* the goal is stated */
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "current_group")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "current_goal"))), !=,
                   "");
  g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "completed_box")));
}

/**
 * sa_training_test_new_started:
 * @sandbox: the sandbox
 * @id: an exercise
 *
 * Returns: (transfer none): a new main window on @sandbox (the training
 *   connection), on the Training Scenarios view, with @id started there
 */
SaWindow *
sa_training_test_new_started (SaTestSandbox *sandbox,
                              const char    *id)
{
  SaWindow *window = sa_test_new_window (sandbox);

  g_assert_true (sa_test_wait_until (sa_training_test_has_client, window, SA_TRAINING_WAIT_MS));
  sa_training_test_start_in_view (window, id);

  return window;
}

/**
 * sa_training_test_assert_not_completed:
 * @sandbox: the sandbox
 * @window: the main window
 * @id: the current exercise
 *
 * A wrong path: the server does not count @id as completed, and the
 * Training Scenarios view, read again, says it is still in progress.
 */
void
sa_training_test_assert_not_completed (SaTestSandbox *sandbox,
                                       SaWindow      *window,
                                       const char    *id)
{
  SaScenariosView *view = sa_training_test_scenarios_view (window);

  g_assert_cmpint (sa_training_test_server_status (sandbox, id), ==, SA_SCENARIO_STARTED);
  sa_training_test_show_view (window, "training-scenarios");
  g_assert_true (sa_test_wait_until (sa_training_test_scenarios_loaded, view, SA_TRAINING_WAIT_MS));
  sa_scenarios_view_refresh (view);
  g_assert_true (sa_test_wait_until (sa_training_test_scenarios_loaded, view, SA_TRAINING_WAIT_MS));
  sa_training_test_wait_status (view, id, SA_SCENARIO_STARTED);
  g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "completed_box")));
}

/**
 * sa_training_test_assert_completed:
 * @sandbox: the sandbox
 * @window: the main window
 * @id: the current exercise
 *
 * Back on the Training Scenarios view: @id completed, with what was done
 * well and what the documents say; the server says so too.
 */
void
sa_training_test_assert_completed (SaTestSandbox *sandbox,
                                   SaWindow      *window,
                                   const char    *id)
{
  SaScenariosView *view = sa_training_test_scenarios_view (window);

  sa_training_test_show_view (window, "training-scenarios");
  sa_training_test_wait_status (view, id, SA_SCENARIO_COMPLETED);
  g_assert_true (sa_test_wait_until (sa_training_test_label_visible,
                                     SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "completed_box"),
                                     SA_TRAINING_WAIT_MS));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "praise_label"))), !=,
                   "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "documents_label"))),
                   !=, "");
  g_assert_cmpint (sa_training_test_server_status (sandbox, id), ==, SA_SCENARIO_COMPLETED);
  sa_training_test_shoot (window, id);
}

/* The training controls of the order page @page. */
GtkWidget *
sa_training_test_controls_of (SaOrderPage *page)
{
  GtkWidget *controls = sa_test_find_widget_of_type (GTK_WIDGET (page), SA_TYPE_TRAINING_ORDER_CONTROLS);

  g_assert_true (SA_IS_TRAINING_ORDER_CONTROLS (controls));
  return controls;
}

/* A button of the training controls, by its id in their .ui file. */
GtkWidget *
sa_training_test_control_button (GtkWidget  *controls,
                                 const char *name)
{
  return SA_TEST_CHILD (controls, SA_TYPE_TRAINING_ORDER_CONTROLS, name);
}

/* Scrolls the page of @widget to its end, for a screenshot. */
void
sa_training_test_scroll_to_end (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj;

  if (scrolled == NULL)
    return;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  sa_test_wait_ms (300);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
}

/* A condition: an AdwMessageDialog is shown; stored at @dialog_out
 * (an AdwMessageDialog **). */
gboolean
sa_training_test_message_dialog_open (gpointer dialog_out)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint i;

  for (i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          *(AdwMessageDialog **) dialog_out = ADW_MESSAGE_DIALOG (w);
          return TRUE;
        }
    }

  return FALSE;
}

/* A condition: the order page (@page) shows its order moved off the Holding
 * account to an End Customer one, and loads nothing. */
gboolean
sa_training_test_holding_cleared (gpointer page)
{
  SaOrder *order = sa_order_page_get_order (page);

  return order != NULL && sa_order_get_holding (order) == NULL && sa_order_get_end_customer (order) != NULL &&
         sa_test_order_page_idle (page);
}

/* "Register a Device" on the order page's training controls, to @domain;
 * waits until the order left the Holding account. */
void
sa_training_test_register_device (SaOrderPage *page,
                                  const char  *domain)
{
  GtkWidget *controls = sa_training_test_controls_of (page);
  AdwMessageDialog *dialog = NULL;

  sa_test_click (sa_training_test_control_button (controls, "device_button"));
  g_assert_true (sa_test_wait_until (sa_training_test_message_dialog_open, &dialog, SA_TRAINING_WAIT_MS));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), domain);
  adw_message_dialog_response (dialog, "register");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (sa_test_wait_until (sa_training_test_holding_cleared, page, SA_TRAINING_WAIT_MS));
}

static gboolean
va_loaded (gpointer dropdown)
{
  return sa_test_virtual_accounts_loaded (dropdown);
}

/**
 * sa_training_test_choose_account:
 * @page: an order page
 * @domain: the End Customer Smart Account's Domain Identifier
 * @virtual_account: (nullable): a Virtual Account's name; %NULL keeps the
 *   dialog's choice
 *
 * The End Customer pencil, the Assign Smart Account dialog: the account
 * searched by @domain and picked in the results, the Virtual Account
 * chosen, Assign. The change is then pending on @page.
 */
void
sa_training_test_choose_account (SaOrderPage *page,
                                 const char  *domain,
                                 const char  *virtual_account)
{
  SaAssignDialog *dialog;
  GtkDropDown *va_dropdown;
  GtkListBox *results;
  GtkListBoxRow *row;
  GListModel *vas;
  gboolean found = virtual_account == NULL;

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "section_revealer"))))
    sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "banner_button"));
  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_edit_button"));
  dialog = sa_order_page_get_assign_dialog (page);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_entry")), domain);
  sa_test_click (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_button"));
  g_assert_true (sa_test_wait_until (sa_test_results_shown,
                                     SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_stack"),
                                     SA_TRAINING_WAIT_MS));
  results = GTK_LIST_BOX (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_list"));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    {
      gtk_list_box_select_row (results, row);
      if (g_strcmp0 (sa_smart_account_get_domain (sa_assign_dialog_get_selected_account (dialog)), domain) == 0)
        break;
    }
  g_assert_nonnull (row);
  va_dropdown = GTK_DROP_DOWN (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "va_dropdown"));
  g_assert_true (sa_test_wait_until (va_loaded, va_dropdown, SA_TRAINING_WAIT_MS));
  vas = gtk_drop_down_get_model (va_dropdown);
  for (guint i = 0; virtual_account != NULL && i < g_list_model_get_n_items (vas); i++)
    {
      g_autoptr(SaVirtualAccount) va = g_list_model_get_item (vas, i);

      if (g_strcmp0 (sa_virtual_account_get_name (va), virtual_account) == 0)
        {
          gtk_drop_down_set_selected (va_dropdown, i);
          found = TRUE;
        }
    }
  g_assert_true (found);
  sa_test_click (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "assign_button"));
}

/**
 * sa_training_test_assign:
 * @page: an order page, on the training connection
 * @domain: the End Customer Smart Account's Domain Identifier
 * @virtual_account: (nullable): a Virtual Account's name; %NULL keeps the
 *   dialog's choice
 *
 * The assignment procedure on @page as a trainee does it: the Assign Smart
 * Account dialog (sa_training_test_choose_account()), the terms accepted,
 * Submit, Yes; waits until the change is made, without error.
 */
void
sa_training_test_assign (SaOrderPage *page,
                         const char  *domain,
                         const char  *virtual_account)
{
  GtkCheckButton *terms;
  AdwMessageDialog *confirm;

  sa_training_test_choose_account (page, domain, virtual_account);
  terms = GTK_CHECK_BUTTON (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "terms_check"));
  gtk_check_button_set_active (terms, TRUE);
  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "submit_button"));
  confirm = ADW_MESSAGE_DIALOG (sa_order_page_get_submit_dialog (page));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "yes");
  g_assert_true (sa_test_wait_until (sa_test_order_page_idle, page, SA_TRAINING_WAIT_MS));
  g_assert_null (sa_order_page_get_error_message (page));
}
