/* sa-ui-test-util.c — helpers for the UI tests and the screenshot tool: the
 * environment, waiting, the sandbox and its client, the main window (the
 * rest of sa-ui-test-util.h: sa-ui-test-widgets.c, sa-ui-test-wizards.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <libsecret/secret.h>

#include "core-test-util.h"
#include "sa-order-page.h"
#include "sa-orders-view.h"
#include "sa-sandbox-server.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"

/**
 * sa_test_setup_environment:
 *
 * Makes a program runnable outside `meson test` too: the compiled GSettings
 * schema and the .mo files of the build tree, a memory GSettings backend, no
 * accessibility bus, no proxy. Call before anything else.
 */
void
sa_test_setup_environment (void)
{
  g_setenv ("GSETTINGS_SCHEMA_DIR", SA_TEST_SCHEMA_DIR, FALSE);
  g_setenv ("SA_LOCALEDIR", SA_TEST_LOCALEDIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", FALSE);
}

/**
 * sa_test_skip_all:
 * @tap: whether the harness reads TAP (the program was given `--tap`)
 * @reason: why the whole program cannot run here, in a sentence
 *
 * Skips every case of the program and exits: prints the TAP plan "1..0 # SKIP
 * @reason" and exits 77, the GNU "skipped" status, for a harness that reads
 * exit statuses. Meson reads a TAP program's plan instead and counts any
 * status other than 0 as an error, so with @tap the status is 0.
 */
void
sa_test_skip_all (gboolean    tap,
                  const char *reason)
{
  g_print ("1..0 # SKIP %s\n", reason);
  exit (tap ? 0 : 77);
}

/**
 * sa_test_keyring_unlocked:
 * @error: (out) (optional): why not, when not
 *
 * Whether the Secret Service of the session bus has an unlocked default
 * collection: what storing needs without prompting. Only looks; never unlocks
 * and never prompts. The keyring tests call it at start and skip their
 * keyring cases, with the reason, when it fails.
 *
 * Returns: %TRUE when storing in the keyring can work
 */
gboolean
sa_test_keyring_unlocked (GError **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, error);
  if (service == NULL)
    return FALSE;

  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, error);
  if (collection == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             "the keyring has no default collection (start gnome-keyring-daemon with --unlock)");
      return FALSE;
    }
  if (secret_collection_get_locked (collection))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           "the default keyring is locked");
      return FALSE;
    }

  return TRUE;
}

/**
 * sa_test_init_gtk:
 * @argc: the program's argc
 * @argv: the program's argv
 *
 * What gtk_test_init() does (which leaves the locale at C and makes warnings
 * fatal), libadwaita, the application's style sheet, and the text domain.
 * Without a display the program skips instead (sa_test_skip_all()), saying
 * why: a plain `meson test` outside a graphical session reports skips, not
 * SIGTRAP.
 */
void
sa_test_init_gtk (int    *argc,
                  char ***argv)
{
  gboolean tap = FALSE;

  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--tap"))
      tap = TRUE;

  sa_test_setup_environment ();
  /* gtk_test_init(), with gtk_init_check() in place of gtk_init(). */
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "en_US.UTF-8");
  if (!gtk_init_check ())
    sa_test_skip_all (tap, "no display: run under ./build-aux/test, or xvfb-run (widgets need a display)");
  adw_init ();
  sa_ui_load_style ();

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * sa_test_set_language:
 * @language: "fr", "it", "en" …
 *
 * Switches the UI language (for widgets built from now on), the way
 * gettext wants it here: C.UTF-8 plus LANGUAGE (LANG=C ignores LANGUAGE),
 * then textdomain() again so that gettext drops its cache.
 */
void
sa_test_set_language (const char *language)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * sa_test_wait_until:
 * @condition: checked after every main loop iteration
 * @user_data: passed to @condition
 * @timeout_ms: how long to wait at most
 *
 * Runs the default main context until @condition holds.
 *
 * Returns: %TRUE when @condition held in time
 */
gboolean
sa_test_wait_until (SaTestCondition condition,
                    gpointer        user_data,
                    guint           timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (user_data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      if (!g_main_context_pending (NULL))
        g_usleep (1000);
    }

  return TRUE;
}

static gboolean
time_passed (gpointer user_data)
{
  return g_get_monotonic_time () >= *(gint64 *) user_data;
}

/**
 * sa_test_wait_ms:
 * @ms: milliseconds
 *
 * Runs the main loop for @ms milliseconds (drawing, transitions).
 */
void
sa_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  sa_test_wait_until (time_passed, &end, ms + 1000);
}

static GAsyncResult *last_result;

/**
 * sa_test_async_ready_cb:
 *
 * A #GAsyncReadyCallback that keeps the result for sa_test_wait_for_result().
 */
void
sa_test_async_ready_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_assert_null (last_result);
  last_result = g_object_ref (result);
}

static gboolean
have_result (gpointer user_data)
{
  return last_result != NULL;
}

/**
 * sa_test_wait_for_result:
 *
 * Returns: (transfer full): the result sa_test_async_ready_cb() received
 */
GAsyncResult *
sa_test_wait_for_result (void)
{
  GAsyncResult *result;

  g_assert_true (sa_test_wait_until (have_result, NULL, 30000));
  result = last_result;
  last_result = NULL;
  return result;
}

static SaClient *
sign_in_trainee (SaClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sa_client_sign_in_async (client, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD,
                           NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  g_assert_true (sa_client_sign_in_finish (client, result, &error));
  g_assert_no_error (error);

  return client;
}

/**
 * sa_test_new_client:
 * @sandbox: a running sandbox
 *
 * Returns: (transfer full): a new client signed in as the training user
 */
SaClient *
sa_test_new_client (SaTestSandbox *sandbox)
{
  return sign_in_trainee (sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox->sandbox)));
}

/**
 * sa_test_new_practice_client:
 * @sandbox: a running sandbox
 *
 * The Cisco client of the practice connection: Cisco's paths on the sandbox,
 * the trainee as Client ID and Secret (docs/cisco.md).
 *
 * Returns: (transfer full): a new #SaCiscoClient, signed in
 */
SaClient *
sa_test_new_practice_client (SaTestSandbox *sandbox)
{
  g_autoptr(SaCiscoApi) api = sa_cisco_api_new_for_practice (sa_sandbox_thread_get_uri (sandbox->sandbox));

  return sign_in_trainee (sa_cisco_client_new (api));
}

/**
 * sa_test_sandbox_new:
 *
 * Starts the sandbox back office over a fresh temporary directory and signs
 * a client in.
 *
 * Returns: (transfer full): free with sa_test_sandbox_free()
 */
SaTestSandbox *
sa_test_sandbox_new (void)
{
  SaTestSandbox *sandbox = g_new0 (SaTestSandbox, 1);
  g_autoptr(GError) error = NULL;

  sandbox->data_dir = g_dir_make_tmp ("sa-ui-test-XXXXXX", &error);
  g_assert_no_error (error);
  sandbox->sandbox = sa_sandbox_thread_start (sandbox->data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sandbox->sandbox);
  sandbox->client = sa_test_new_client (sandbox);

  return sandbox;
}

/**
 * sa_test_sandbox_free:
 * @sandbox: (transfer full): a sandbox from sa_test_sandbox_new()
 *
 * Stops the server and removes its data directory.
 */
void
sa_test_sandbox_free (SaTestSandbox *sandbox)
{
  g_clear_object (&sandbox->client);
  if (sandbox->sandbox != NULL)
    sa_sandbox_thread_stop (sandbox->sandbox);
  g_clear_object (&sandbox->sandbox);
  core_test_remove_tree (sandbox->data_dir);
  g_free (sandbox->data_dir);
  g_free (sandbox);
}

/**
 * sa_test_list_orders:
 * @client: a signed-in client
 *
 * Returns: (transfer full): all the orders the user may see (one page of 100)
 */
GListModel *
sa_test_list_orders (SaClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *orders;

  sa_client_search_orders_async (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 100,
                                 NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  orders = sa_client_search_orders_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (orders);

  return orders;
}

/**
 * sa_test_get_order:
 * @client: a signed-in client
 * @sales_order_number: the order
 *
 * Returns: (transfer full): the order as the server has it now
 */
SaOrder *
sa_test_get_order (SaClient   *client,
                   const char *sales_order_number)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SaOrder *order;

  sa_client_get_order_async (client, sales_order_number, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  order = sa_client_get_order_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (order);

  return order;
}

/**
 * sa_test_find_order:
 * @client: a signed-in client
 * @predicate: what the order must be
 * @exclude: (nullable): a Sales Order No. not to return
 *
 * Returns: (transfer full) (nullable): the first visible order that matches
 */
SaOrder *
sa_test_find_order (SaClient   *client,
                    gboolean  (*predicate) (SaOrder *order),
                    const char *exclude)
{
  g_autoptr(GListModel) orders = sa_test_list_orders (client);

  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(SaOrder) order = g_list_model_get_item (orders, i);

      if (g_strcmp0 (sa_order_get_sales_order_number (order), exclude) == 0)
        continue;
      if (predicate (order))
        return g_steal_pointer (&order);
    }

  return NULL;
}

gboolean
sa_test_order_is_holding_only (SaOrder *order)
{
  return sa_order_can_change_assignment (order) &&
         sa_order_get_end_customer (order) == NULL &&
         sa_order_get_holding (order) != NULL;
}

gboolean
sa_test_order_is_unassigned (SaOrder *order)
{
  return sa_order_can_change_assignment (order) &&
         sa_order_get_end_customer (order) == NULL &&
         sa_order_get_holding (order) == NULL;
}

gboolean
sa_test_order_is_changeable_without_end_customer (SaOrder *order)
{
  return sa_order_can_change_assignment (order) && sa_order_get_end_customer (order) == NULL;
}

gboolean
sa_test_order_is_shipped (SaOrder *order)
{
  return sa_order_get_status (order) == SA_ORDER_STATUS_SHIPPED;
}

/**
 * sa_test_is_japanese:
 * @str: a UTF-8 string
 *
 * Returns: %TRUE when @str holds Hiragana, Katakana or Han characters (the
 *   double-byte names the portal cannot show)
 */
gboolean
sa_test_is_japanese (const char *str)
{
  for (const char *p = str; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HIRAGANA ||
          script == G_UNICODE_SCRIPT_KATAKANA ||
          script == G_UNICODE_SCRIPT_HAN)
        return TRUE;
    }

  return FALSE;
}

/**
 * sa_test_search_accounts:
 * @client: a signed-in client
 * @domain: what the Domain Identifier contains ("." for every account)
 * @type_filter: an #SaAccountType, or -1 for any
 *
 * Searches the Smart Accounts by Domain Identifier, as step 6 of assigning
 * an order does.
 *
 * Returns: (transfer full): a #GListModel of #SaSmartAccount
 */
GListModel *
sa_test_search_accounts (SaClient   *client,
                         const char *domain,
                         int         type_filter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *accounts;

  sa_client_search_accounts_async (client, SA_ACCOUNT_SEARCH_DOMAIN, domain, type_filter,
                                   NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  accounts = sa_client_search_accounts_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (accounts);

  return accounts;
}

/**
 * sa_test_find_japanese_virtual_account:
 * @client: a signed-in client
 * @domain: (out): the domain of a CUSTOMER Smart Account …
 * @virtual_account: (out): … with a Virtual Account named in Japanese
 *
 * Looks through the CUSTOMER Smart Accounts (every domain has a dot).
 *
 * Returns: %TRUE when the training data holds one
 */
gboolean
sa_test_find_japanese_virtual_account (SaClient  *client,
                                       char     **domain,
                                       char     **virtual_account)
{
  g_autoptr(GListModel) accounts = sa_test_search_accounts (client, ".", SA_ACCOUNT_TYPE_CUSTOMER);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(GAsyncResult) va_result = NULL;
      g_autoptr(GListModel) vas = NULL;

      sa_client_list_virtual_accounts_async (client,
                                             sa_smart_account_get_domain (account),
                                             sa_smart_account_get_account_type (account),
                                             NULL, sa_test_async_ready_cb, NULL);
      va_result = sa_test_wait_for_result ();
      vas = sa_client_list_virtual_accounts_finish (client, va_result, &error);
      g_assert_no_error (error);

      for (guint j = 0; j < g_list_model_get_n_items (vas); j++)
        {
          g_autoptr(SaVirtualAccount) va = g_list_model_get_item (vas, j);

          if (sa_test_is_japanese (sa_virtual_account_get_name (va)))
            {
              *domain = g_strdup (sa_smart_account_get_domain (account));
              *virtual_account = g_strdup (sa_virtual_account_get_name (va));
              return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * sa_test_ship_order:
 * @client: a signed-in client
 * @sales_order_number: the order to ship (POST /sandbox/orders/{n}/ship)
 */
void
sa_test_ship_order (SaClient   *client,
                    const char *sales_order_number)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sa_desk_client_sandbox_ship_order_async (SA_DESK_CLIENT (client), sales_order_number, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  g_assert_true (sa_desk_client_sandbox_ship_order_finish (SA_DESK_CLIENT (client), result, &error));
  g_assert_no_error (error);
}

/**
 * sa_test_list_access_requests:
 * @client: a signed-in client
 *
 * Returns: (transfer full): the user's access requests, as the server lists them
 */
GListModel *
sa_test_list_access_requests (SaClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *requests;

  sa_client_list_access_requests_async (client, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  requests = sa_client_list_access_requests_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (requests);

  return requests;
}

/**
 * sa_test_find_access_request:
 * @requests: a #GListModel of #SaAccessRequest
 * @id: an access request id
 *
 * Returns: (transfer full) (nullable): the request with @id
 */
SaAccessRequest *
sa_test_find_access_request (GListModel *requests,
                             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
    {
      g_autoptr(SaAccessRequest) request = g_list_model_get_item (requests, i);

      if (g_strcmp0 (sa_access_request_get_id (request), id) == 0)
        return g_steal_pointer (&request);
    }

  return NULL;
}

/**
 * sa_test_dup_without_mnemonic:
 * @label: a label with mnemonics ("Send a _reminder")
 *
 * Returns: (transfer full): @label without its underscores
 */
char *
sa_test_dup_without_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; p != NULL && *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/**
 * sa_test_new_window:
 * @sandbox: the running sandbox, whose signed-in client the window uses
 *
 * Builds the real main window (no #GtkApplication) in training mode on
 * @sandbox's client, and presents it.
 *
 * Returns: (transfer none): the window; destroy it with gtk_window_destroy()
 */
SaWindow *
sa_test_new_window (SaTestSandbox *sandbox)
{
  SaWindow *window = sa_window_new (NULL);

  sa_window_set_client (window, sandbox->client, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * sa_test_click:
 * @button: a #GtkButton, which must be sensitive
 *
 * Clicks @button at once (emits "clicked"), as the user would.
 */
void
sa_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/**
 * sa_test_orders_loaded:
 * @orders_view: a #SaOrdersView
 *
 * Returns: %TRUE once the Orders view has results and no search is running
 */
gboolean
sa_test_orders_loaded (gpointer orders_view)
{
  SaOrdersView *view = orders_view;

  return !sa_orders_view_get_loading (view) && sa_orders_view_get_results (view) != NULL;
}

/**
 * sa_test_order_page_loaded:
 * @order_page: a #SaOrderPage
 *
 * Returns: %TRUE once the order page shows its order and loads nothing
 */
gboolean
sa_test_order_page_loaded (gpointer order_page)
{
  SaOrderPage *page = order_page;

  return !sa_order_page_get_loading (page) && sa_order_page_get_order (page) != NULL;
}

/**
 * sa_test_open_order_by_search:
 * @window: a window with a signed-in client
 * @sales_order_number: an order of the user's
 *
 * Opens the Orders view, searches @sales_order_number by Sales Order No. and
 * activates its row in the results list (a GtkListView, issue 12), as the
 * user would; the page is loaded when this returns.
 *
 * Returns: (transfer none): the order page
 */
SaOrderPage *
sa_test_open_order_by_search (SaWindow   *window,
                              const char *sales_order_number)
{
  SaOrdersView *view = sa_window_get_orders_view (window);
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), SA_TYPE_WINDOW,
                                                                        "view_stack"));
  GListModel *results;
  SaOrderPage *page;
  guint position;

  adw_view_stack_set_visible_child_name (stack, "orders");
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, sales_order_number);
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));

  /* the search may have opened its only match itself */
  page = sa_orders_view_get_order_page (view);
  if (page == NULL)
    {
      results = sa_orders_view_get_results (view);
      g_assert_nonnull (results);
      for (position = 0; position < g_list_model_get_n_items (results); position++)
        {
          g_autoptr(SaOrder) order = g_list_model_get_item (results, position);

          if (g_strcmp0 (sa_order_get_sales_order_number (order), sales_order_number) == 0)
            break;
        }
      g_assert_cmpuint (position, <, g_list_model_get_n_items (results));
      g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (view), SA_TYPE_ORDERS_VIEW, "results_view"),
                             "activate", position);
      page = sa_orders_view_get_order_page (view);
    }
  g_assert_nonnull (page);
  g_assert_cmpstr (sa_order_page_get_sales_order_number (page), ==, sales_order_number);
  g_assert_true (sa_test_wait_until (sa_test_order_page_loaded, page, 30000));

  return page;
}

static gboolean
order_page_ready (gpointer orders_view)
{
  SaOrderPage *page = sa_orders_view_get_order_page (orders_view);

  return page != NULL && sa_test_order_page_loaded (page);
}

/**
 * sa_test_open_single_match:
 * @window: a window with a signed-in client
 * @sales_order_number: an order the search finds alone
 *
 * Searches @sales_order_number by Sales Order No. in the Orders view and
 * waits for the order page the search opens itself, as it does for a single
 * match (always with the Cisco back end, whose order search answers one
 * order).
 *
 * Returns: (transfer none): the order page, loaded
 */
SaOrderPage *
sa_test_open_single_match (SaWindow   *window,
                           const char *sales_order_number)
{
  SaOrdersView *view = sa_window_get_orders_view (window);

  sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, sales_order_number);
  g_assert_true (sa_test_wait_until (order_page_ready, view, 30000));
  return sa_orders_view_get_order_page (view);
}

/**
 * sa_test_order_page_idle:
 * @order_page: a #SaOrderPage
 *
 * Returns: %TRUE while the order page neither loads nor submits
 */
gboolean
sa_test_order_page_idle (gpointer order_page)
{
  SaOrderPage *page = order_page;

  return !sa_order_page_get_loading (page) && !sa_order_page_get_submitting (page);
}


/**
 * sa_test_results_shown:
 * @results_stack: the #GtkStack of search results of a view or dialog
 *
 * Returns: %TRUE once a search has answered: the stack shows "results" or
 *   "empty"
 */
gboolean
sa_test_results_shown (gpointer results_stack)
{
  const char *name = gtk_stack_get_visible_child_name (GTK_STACK (results_stack));

  return g_strcmp0 (name, "results") == 0 || g_strcmp0 (name, "empty") == 0;
}

/**
 * sa_test_virtual_accounts_loaded:
 * @dropdown: the "Virtual Account Name" #GtkDropDown of the Assign Smart
 *   Account dialog
 *
 * Returns: %TRUE once the drop-down is filled, sensitive and has a choice
 */
gboolean
sa_test_virtual_accounts_loaded (gpointer dropdown)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (dropdown)) &&
         gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown)) != NULL;
}

/**
 * sa_test_search_account:
 * @client: a signed-in client
 * @domain: a Domain Identifier
 * @name: (nullable): the Account Name, or %NULL for any
 *
 * Returns: (transfer full) (nullable): the first account sa_test_search_accounts()
 *   finds with exactly @domain (and @name), or %NULL
 */
SaSmartAccount *
sa_test_search_account (SaClient   *client,
                        const char *domain,
                        const char *name)
{
  g_autoptr(GListModel) accounts = sa_test_search_accounts (client, domain, -1);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (sa_smart_account_get_domain (account), domain) == 0 &&
          (name == NULL || g_strcmp0 (sa_smart_account_get_name (account), name) == 0))
        return g_steal_pointer (&account);
    }

  return NULL;
}
