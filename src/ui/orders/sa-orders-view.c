/* sa-orders-view.c — the Orders view: order search, results, order pages
 *
 * Mirrors steps 2 and 3 of "How do I assign an order to a Smart Account" and
 * steps 2 to 4 of "Updating Smart Account Assignment in CCW": all orders are
 * listed; search by Sales Order No., Web Order No. or PO No.; activating a
 * result opens its order page. A back end without an order list (Cisco: no
 * %SA_CLIENT_FEATURE_ORDER_LIST) finds one order by its number when the user
 * presses Enter, and opens it; "not found" then says what Cisco means by it
 * (not found or not visible to your API application).
 *
 * Issue 12: the results are a GtkListView over SaOrderPages (core), which
 * fetches pages of 100 orders as they scroll into view, so 100,000 orders cost
 * what one screen does. The view debounces typing itself (one timer, which
 * Enter cancels) and never sends the query it sent last again unless asked
 * to refresh: typing then Enter sends one request. Issue 11: Enter opens the
 * order when exactly one matches; Down from the search goes to the first
 * result; an invalid search leaves no list under it; a Sales Order No. that
 * exists but is another partner's says that the user has no access to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-orders-view-private.h"
#include "sa-procedure-panel.h"
#include "sa-order-results.h"
#include "sa-ui-util.h"

#define SA_ORDERS_PAGE_SIZE    100
/* Typing pauses this long before the search runs (Enter runs it at once). */
#define SA_ORDERS_SEARCH_DELAY 300

struct _SaOrdersView
{
  AdwBin          parent_instance;

  SaClient       *client;
  GCancellable   *search_cancellable;
  GListModel     *results;
  SaOrderPages   *pages;            /* the query being loaded or shown */
  GtkNoSelection *selection;
  SaOrderPage    *order_page;
  char           *last_query;
  guint           search_timeout;
  guint           n_searches;       /* requests sent for searches (tests) */
  guint           loading : 1;
  guint           stale : 1;
  guint           open_single : 1;  /* Enter: open the order if one matches */
  gulong          research_handler; /* issue 5: on the client's notify::signed-in */

  GtkStack       *nav_stack;
  GtkLabel       *search_by_label;
  GtkDropDown    *search_by_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel       *search_error_label;
  GtkLabel       *count_label;
  GtkStack       *results_stack;
  GtkSpinner     *spinner;
  GtkListView    *results_view;
  AdwStatusPage  *error_page;
  AdwStatusPage  *empty_page;
  SaProcedurePanel *procedure_panel;
};

G_DEFINE_FINAL_TYPE (SaOrdersView, sa_orders_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_RESULTS,
  PROP_ORDER_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void search_full (SaOrdersView *self,
                         gboolean      force);

/* Runs the search unless it is the one sent last (issue 12: one request per
 * query). */
static void
search (SaOrdersView *self)
{
  search_full (self, FALSE);
}

/* Whether the back end lists orders; Cisco finds one order by its number. */
static gboolean
lists_orders (SaOrdersView *self)
{
  return self->client != NULL &&
         (sa_client_get_features (self->client) & SA_CLIENT_FEATURE_ORDER_LIST) != 0;
}

static void
set_loading (SaOrdersView *self,
             gboolean      loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_results (SaOrdersView *self,
             GListModel   *results)
{
  if (!g_set_object (&self->results, results))
    return;

  gtk_no_selection_set_model (self->selection, results);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
}

/* Gives up the query being loaded or shown (a newer one supersedes it). */
static void
drop_pages (SaOrdersView *self)
{
  g_cancellable_cancel (self->search_cancellable);
  if (self->pages != NULL)
    sa_order_pages_cancel (self->pages);
  g_clear_object (&self->pages);
}

static void
show_search_error (SaOrdersView *self,
                   const char   *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->search_error_label), message != NULL);
  gtk_label_set_text (self->search_error_label, message ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
show_empty (SaOrdersView *self,
            const char   *title,
            const char   *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->results_stack, "empty");
  gtk_label_set_text (self->count_label, "");
}

/* Issue 5: signed in again after an expired session: run the search again. */
static void
on_client_signed_in (SaClient     *client,
                     GParamSpec   *pspec,
                     SaOrdersView *self)
{
  if (!sa_client_get_signed_in (client))
    return;

  g_clear_signal_handler (&self->research_handler, client);
  search (self);
}

/* Shows what a search found: the list and "N orders" ("Showing N of M
 * orders" when a back end gives fewer than match), or that nothing matched. */
static void
show_results (SaOrdersView *self,
              GListModel   *model,
              guint         total)
{
  guint n = g_list_model_get_n_items (model);
  g_autofree char *count = NULL;

  set_results (self, model);
  if (n == 0)
    {
      show_empty (self, _("No Order Matches"), _("Check the number, or search by another field."));
      return;
    }

  if (total > n)
    /* Translators: above the order results when not all fit: "Showing 100 of 250 orders" */
    count = g_strdup_printf (_("Showing %1$u of %2$u orders"), n, total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order", "%u orders", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->results_stack, "results");

  sa_order_results_note_first_draw (self->results_view);

  /* Found by its number (no list to choose from), or Enter with exactly
   * one match (issue 11): open it at once. */
  if (n == 1 && (!lists_orders (self) || self->open_single))
    {
      g_autoptr(SaOrder) order = g_list_model_get_item (model, 0);

      self->open_single = FALSE;
      if (!sa_order_pages_is_placeholder (order))
        sa_orders_view_open_order (self, sa_order_get_sales_order_number (order));
    }
  self->open_single = FALSE;
}

/* Shows why a search failed (issue 5: the sign-in dialog opens and the
 * search runs again once signed in). */
static void
show_search_failure (SaOrdersView *self,
                     GError       *error)
{
  g_autofree char *message = sa_error_dup_user_message (error);

  g_debug ("Order search failed: %s", error->message);
  self->open_single = FALSE;
  /* Cisco: "not found or not visible to your API application". */
  if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND) && !lists_orders (self))
    {
      set_results (self, NULL);
      show_empty (self, _("No Order Matches"), message);
      return;
    }
  if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED) &&
      self->research_handler == 0)
    self->research_handler = g_signal_connect (self->client, "notify::signed-in",
                                               G_CALLBACK (on_client_signed_in), self);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->results_stack, "error");
  gtk_label_set_text (self->count_label, "");
}

/* Issue 11: a Sales Order No. nobody lists may be another partner's order;
 * the order itself answers 403 then: say that the user has no access to it. */
static void
check_access_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  SaOrdersView *self;
  const char *number;

  order = sa_client_get_order_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ORDERS_VIEW (user_data);
  set_loading (self, FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (!g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED))
    {
      show_empty (self, _("No Order Matches"), _("Check the number, or search by another field."));
      return;
    }

  number = self->pages != NULL ? sa_order_pages_get_value (self->pages) : NULL;
  if (number == NULL)
    number = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  /* Translators: %s is a Sales Order No. that exists but was placed by another partner */
  description = g_strdup_printf (_("Order %s exists but belongs to another partner, so your user has no access to it. "
                                   "If your company should manage it, ask the partner who placed it, or your Cisco "
                                   "account team, to give you access; otherwise check the number."),
                                 number);
  show_empty (self, _("No Access to This Order"), description);
}

static void
pages_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaOrderPages *pages = SA_ORDER_PAGES (source);
  g_autoptr(GError) error = NULL;
  SaOrdersView *self;
  const char *value;

  if (!sa_order_pages_load_finish (pages, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ORDERS_VIEW (user_data);
  if (pages != self->pages)
    return;

  if (error != NULL)
    {
      set_loading (self, FALSE);
      gtk_spinner_set_spinning (self->spinner, FALSE);
      show_search_failure (self, error);
      return;
    }

  value = sa_order_pages_get_value (pages);
  if (sa_order_pages_get_total_records (pages) == 0 && value != NULL &&
      sa_order_pages_get_field (pages) == SA_ORDER_SEARCH_SALES_ORDER_NUMBER)
    {
      /* Stays "loading" until the order itself answered. */
      set_results (self, G_LIST_MODEL (pages));
      self->open_single = FALSE;
      sa_client_get_order_async (self->client, value, self->search_cancellable,
                                 check_access_cb, self);
      return;
    }

  set_loading (self, FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  show_results (self, G_LIST_MODEL (pages), sa_order_pages_get_total_records (pages));
}

/* Cisco: one order by its number (no list, so no pages). */
static void
search_orders_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaOrdersView *self;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  model = sa_client_search_orders_finish (SA_CLIENT (source), result, &total, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ORDERS_VIEW (user_data);
  set_loading (self, FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (model == NULL)
    show_search_failure (self, error);
  else
    show_results (self, model, total);
}

/* Runs the order search with what the "Search by" drop-down and the search
 * entry hold (step 2 of "assign an order", step 3 of "update an assignment");
 * an empty entry lists all the orders the user may see. Invalid input is shown
 * under the entry and not sent, and no list stays under it (issue 11). The
 * query sent last is not sent again unless @force (refresh, a saved change).
 * Does nothing before a client is set. */
static void
search_full (SaOrdersView *self,
             gboolean      force)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  SaOrderSearchField field;
  const char *value;

  g_clear_handle_id (&self->search_timeout, g_source_remove);
  if (self->client == NULL)
    return;

  field = (SaOrderSearchField) gtk_drop_down_get_selected (self->search_by_dropdown);
  value = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (value != NULL && *value == '\0')
    value = NULL;
  query = g_strdup_printf ("%d:%s", field, value ? value : "");

  /* Nothing to list without a number: say how to find one. */
  if (value == NULL && !lists_orders (self))
    {
      drop_pages (self);
      show_search_error (self, NULL);
      set_loading (self, FALSE);
      set_results (self, NULL);
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->results_stack, "find");
      g_free (self->last_query);
      self->last_query = g_steal_pointer (&query);
      return;
    }

  if (value != NULL && !sa_validate_order_search (field, value, &error))
    {
      drop_pages (self);
      show_search_error (self, error->message);
      set_loading (self, FALSE);
      gtk_spinner_set_spinning (self->spinner, FALSE);
      set_results (self, NULL);
      g_clear_pointer (&self->last_query, g_free);
      self->open_single = FALSE;
      show_empty (self, _("Search Not Sent"), _("Correct the value above to search again."));
      return;
    }

  show_search_error (self, NULL);

  /* The same query again (typing paused, then Enter): already sent. */
  if (!force && !self->stale && g_strcmp0 (query, self->last_query) == 0 &&
      (self->loading || self->results != NULL))
    {
      if (self->open_single && !self->loading && self->results != NULL)
        show_results (self, self->results, g_list_model_get_n_items (self->results));
      return;
    }

  self->stale = FALSE;
  g_free (self->last_query);
  self->last_query = g_steal_pointer (&query);

  drop_pages (self);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  if (self->results == NULL)
    gtk_stack_set_visible_child_name (self->results_stack, "loading");
  gtk_spinner_set_spinning (self->spinner, TRUE);
  self->n_searches++;

  if (lists_orders (self))
    {
      self->pages = sa_order_pages_new (self->client, field, value);
      sa_order_pages_load_async (self->pages, self->search_cancellable, pages_loaded_cb, self);
    }
  else
    sa_client_search_orders_async (self->client, field, value, 0, SA_ORDERS_PAGE_SIZE,
                                   self->search_cancellable, search_orders_cb, self);
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  SaOrdersView *self = user_data;

  self->search_timeout = 0;
  search (self);

  return G_SOURCE_REMOVE;
}

/* Typing: the search runs once the user pauses (the view's own timer, so
 * that Enter can cancel it). */
static void
on_search_text_changed (GtkEditable  *entry,
                        SaOrdersView *self)
{
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  self->open_single = FALSE;

  /* One order by its number (Cisco): ask on Enter only, not per keystroke,
   * except to go back to the "find" page once the entry is emptied. */
  if (!lists_orders (self) && *gtk_editable_get_text (entry) != '\0')
    return;

  self->search_timeout = g_timeout_add (SA_ORDERS_SEARCH_DELAY, search_timeout_cb, self);
}

/* Enter: search now (the pending timer is cancelled, the query is not sent
 * twice) and open the order if exactly one matches (issue 11). */
static void
on_search_activate (GtkSearchEntry *entry,
                    SaOrdersView   *self)
{
  self->open_single = TRUE;
  search (self);
}

static void
on_stop_search (GtkSearchEntry *entry,
                SaOrdersView   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Issue 11: Down from the search goes to the first result, with its focus
 * ring (a key press makes the window's focus visible). */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       SaOrdersView          *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (self->results == NULL || g_list_model_get_n_items (self->results) == 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "results") != 0)
    return FALSE;

  return sa_order_results_focus_first (self->results_view);
}

static void
update_search_field (SaOrdersView *self)
{
  SaOrderSearchField field = (SaOrderSearchField) gtk_drop_down_get_selected (self->search_by_dropdown);
  const char *placeholder;

  switch (field)
    {
    case SA_ORDER_SEARCH_WEB_ORDER_ID:
      placeholder = _("Web Order No., e.g. WO73910452");
      break;
    case SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER:
      placeholder = _("PO No., e.g. PO-ACME-2291");
      break;
    case SA_ORDER_SEARCH_SALES_ORDER_NUMBER:
    default:
      placeholder = _("Sales Order No., e.g. 104857601");
      break;
    }
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, placeholder,
                                  -1);

  g_settings_set_string (sa_ui_get_settings (), "last-order-search-field",
                         sa_order_search_field_to_string (field));
}

static void
on_search_by_changed (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      SaOrdersView *self)
{
  update_search_field (self);

  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    search (self);
}

/* Step 3: a result clicked, or Enter on it; a row still loading opens
 * nothing. */
static void
on_result_activated (GtkListView  *list,
                     guint         position,
                     SaOrdersView *self)
{
  g_autoptr(SaOrder) order = NULL;

  if (self->results == NULL)
    return;
  order = g_list_model_get_item (self->results, position);
  if (order != NULL && !sa_order_pages_is_placeholder (order))
    sa_orders_view_open_order (self, sa_order_get_sales_order_number (order));
}

static void
on_order_updated (SaOrderPage  *page,
                  SaOrder      *order,
                  SaOrdersView *self)
{
  self->stale = TRUE;
}

static void
remove_order_page (SaOrdersView *self)
{
  if (self->order_page == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->order_page, self);
  gtk_stack_remove (self->nav_stack, GTK_WIDGET (self->order_page));
  self->order_page = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER_PAGE]);
}

/* Closes the order page and goes back to the results (Alt+Left, Escape),
 * refreshing them when a change was saved. */
static void
go_back (SaOrdersView *self)
{
  if (self->order_page == NULL)
    return;

  gtk_stack_set_visible_child_name (self->nav_stack, "search");
  remove_order_page (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.back", FALSE);

  if (self->stale)
    search (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  go_back (SA_ORDERS_VIEW (widget));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  search_full (SA_ORDERS_VIEW (widget), TRUE);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  sa_orders_view_focus_search (SA_ORDERS_VIEW (widget));
}

static void
sa_orders_view_dispose (GObject *object)
{
  SaOrdersView *self = SA_ORDERS_VIEW (object);

  drop_pages (self);
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  if (self->client != NULL)
    g_clear_signal_handler (&self->research_handler, self->client);
  if (self->selection != NULL)
    gtk_no_selection_set_model (self->selection, NULL);
  if (self->order_page != NULL)
    g_signal_handlers_disconnect_by_data (self->order_page, self);
  self->order_page = NULL;

  /* Unparent through AdwBin so that it does not keep a stale child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ORDERS_VIEW);

  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->results);
  g_clear_object (&self->selection);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_orders_view_parent_class)->dispose (object);
}

static void
sa_orders_view_finalize (GObject *object)
{
  SaOrdersView *self = SA_ORDERS_VIEW (object);

  g_free (self->last_query);

  G_OBJECT_CLASS (sa_orders_view_parent_class)->finalize (object);
}

static void
sa_orders_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SaOrdersView *self = SA_ORDERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;
    case PROP_ORDER_PAGE:
      g_value_set_object (value, self->order_page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_orders_view_class_init (SaOrdersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_orders_view_dispose;
  object_class->finalize = sa_orders_view_finalize;
  object_class->get_property = sa_orders_view_get_property;

  /**
   * SaOrdersView:loading:
   *
   * Whether an order search is running (step 2 of "assign an order").
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaOrdersView:results:
   *
   * The #GListModel of #SaOrder the last search found, or %NULL.
   */
  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaOrdersView:order-page:
   *
   * The open #SaOrderPage (step 3 of "assign an order"), or %NULL.
   */
  properties[PROP_ORDER_PAGE] =
    g_param_spec_object ("order-page", NULL, NULL, SA_TYPE_ORDER_PAGE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_PROCEDURE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-orders-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, nav_stack);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, search_by_label);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, search_by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, search_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, results_view);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SaOrdersView, procedure_panel);

  gtk_widget_class_install_action (widget_class, "orders.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "orders.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "orders.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "orders.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "orders.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "orders.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "orders.back", NULL);
}

static void
sa_orders_view_init (SaOrdersView *self)
{
  g_autofree char *last_field = NULL;
  GtkEventController *key;
  SaOrderSearchField field = SA_ORDER_SEARCH_SALES_ORDER_NUMBER;

  gtk_widget_init_template (GTK_WIDGET (self));

  sa_ui_insert_settings_actions (GTK_WIDGET (self));
  sa_procedure_panel_show_step (self->procedure_panel, SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER);
  last_field = g_settings_get_string (sa_ui_get_settings (), "last-order-search-field");
  if (!sa_order_search_field_from_string (last_field, &field))
    field = SA_ORDER_SEARCH_SALES_ORDER_NUMBER;
  gtk_drop_down_set_selected (self->search_by_dropdown, field);

  self->selection = gtk_no_selection_new (NULL);
  sa_order_results_setup (self->results_view, self->selection);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  g_signal_connect (self->search_entry, "changed", G_CALLBACK (on_search_text_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  g_signal_connect (self->search_by_dropdown, "notify::selected", G_CALLBACK (on_search_by_changed), self);
  g_signal_connect (self->results_view, "activate", G_CALLBACK (on_result_activated), self);

  update_search_field (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.back", FALSE);
}

/**
 * sa_orders_view_new:
 *
 * Creates the Orders view. It shows nothing until sa_orders_view_set_client().
 *
 * Returns: (transfer floating): a new #SaOrdersView
 */
GtkWidget *
sa_orders_view_new (void)
{
  return g_object_new (SA_TYPE_ORDERS_VIEW, NULL);
}

/**
 * sa_orders_view_set_client:
 * @self: a #SaOrdersView
 * @client: (nullable): a signed-in #SaClient
 *
 * Sets the client the view searches with, goes back to the order list and
 * lists all orders (step 2 of "update an assignment": Orders, View All).
 */
void
sa_orders_view_set_client (SaOrdersView *self,
                           SaClient     *client)
{
  g_return_if_fail (SA_IS_ORDERS_VIEW (self));
  g_return_if_fail (client == NULL || SA_IS_CLIENT (client));

  go_back (self);
  drop_pages (self);
  if (self->client != NULL)
    g_clear_signal_handler (&self->research_handler, self->client);
  g_set_object (&self->client, client);
  set_results (self, NULL);
  set_loading (self, FALSE);
  g_clear_pointer (&self->last_query, g_free);

  /* Step 2: Cisco (no order list) finds one order by its number; the
   * panel says so rather than "leave the search empty". */
  sa_procedure_panel_show_step (self->procedure_panel,
                                client == NULL || lists_orders (self) ? SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER
                                                                      : SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER_BY_NUMBER);
  if (client != NULL)
    search (self);
}

/**
 * sa_orders_view_set_search:
 * @self: a #SaOrdersView
 * @field: what to search in
 * @value: (nullable): the value typed, %NULL or "" for all orders
 *
 * Fills the "Search by" drop-down and the entry, as the user does, and
 * searches at once.
 */
void
sa_orders_view_set_search (SaOrdersView       *self,
                           SaOrderSearchField  field,
                           const char         *value)
{
  g_return_if_fail (SA_IS_ORDERS_VIEW (self));

  g_signal_handlers_block_by_func (self->search_by_dropdown, on_search_by_changed, self);
  gtk_drop_down_set_selected (self->search_by_dropdown, field);
  g_signal_handlers_unblock_by_func (self->search_by_dropdown, on_search_by_changed, self);
  update_search_field (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), value ? value : "");

  search (self);
}

/**
 * sa_orders_view_get_loading:
 * @self: a #SaOrdersView
 *
 * Returns: %TRUE while a search is running
 */
gboolean
sa_orders_view_get_loading (SaOrdersView *self)
{
  g_return_val_if_fail (SA_IS_ORDERS_VIEW (self), FALSE);

  return self->loading;
}

/**
 * sa_orders_view_get_results:
 * @self: a #SaOrdersView
 *
 * Returns: (transfer none) (nullable): the #SaOrder list of the last search
 */
GListModel *
sa_orders_view_get_results (SaOrdersView *self)
{
  g_return_val_if_fail (SA_IS_ORDERS_VIEW (self), NULL);

  return self->results;
}

/**
 * sa_orders_view_open_order:
 * @self: a #SaOrdersView
 * @sales_order_number: the Sales Order No.
 *
 * Opens the order page for @sales_order_number (step 3 of "assign an order":
 * select the order in the results), replacing any open one.
 *
 * Returns: (transfer none): the new page
 */
SaOrderPage *
sa_orders_view_open_order (SaOrdersView *self,
                           const char   *sales_order_number)
{
  GtkWidget *page;

  g_return_val_if_fail (SA_IS_ORDERS_VIEW (self), NULL);
  g_return_val_if_fail (self->client != NULL, NULL);
  g_return_val_if_fail (sales_order_number != NULL, NULL);

  remove_order_page (self);

  page = sa_order_page_new (self->client, sales_order_number);
  self->order_page = SA_ORDER_PAGE (page);
  g_signal_connect (page, "order-updated", G_CALLBACK (on_order_updated), self);
  gtk_stack_add_named (self->nav_stack, page, "order");
  gtk_stack_set_visible_child (self->nav_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.back", TRUE);
  gtk_widget_grab_focus (page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER_PAGE]);

  return self->order_page;
}

/**
 * sa_orders_view_get_order_page:
 * @self: a #SaOrdersView
 *
 * Returns: (transfer none) (nullable): the open order page
 */
SaOrderPage *
sa_orders_view_get_order_page (SaOrdersView *self)
{
  g_return_val_if_fail (SA_IS_ORDERS_VIEW (self), NULL);

  return self->order_page;
}

/**
 * sa_orders_view_focus_search:
 * @self: a #SaOrdersView
 *
 * Goes back to the results if needed and focuses the search entry (Ctrl+F).
 */
void
sa_orders_view_focus_search (SaOrdersView *self)
{
  g_return_if_fail (SA_IS_ORDERS_VIEW (self));

  go_back (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * sa_orders_view_get_n_searches:
 * @self: a #SaOrdersView
 *
 * For the tests of issue 12 ("one search per query"): how many order searches
 * the view has sent to the back end since it was created (one per query, the
 * first page of its results; the pages fetched while scrolling not counted).
 *
 * Returns: the number of searches sent
 */
guint
sa_orders_view_get_n_searches (SaOrdersView *self)
{
  g_return_val_if_fail (SA_IS_ORDERS_VIEW (self), 0);

  return self->n_searches;
}
