/* sa-order-pages.c — the orders one search finds, as a list model that pages
 *
 * Step 2 of "How do I assign an order to a Smart Account" (find the order in
 * the list of all orders, or by its number) and step 3 of "Updating Smart
 * Account Assignment in CCW" (search for the order): a partner may have
 * 100,000 orders (issue 12). SaOrderPages is a #GListModel of #SaOrder as long
 * as the server's totalRecords; it holds only the pages of
 * %SA_ORDER_PAGES_PAGE_SIZE orders that were shown lately. An order not
 * loaded yet is a placeholder (sa_order_pages_is_placeholder()); asking for
 * it fetches its page through the #SaClient boundary (offset and limit).
 * When the page arrives, each placeholder handed out (a list view's rows)
 * takes its order's data in place (sa_order_fill(): it stays the item at its
 * position and notifies its properties), nearest to sa_order_pages_set_hint()
 * first, and no "items-changed" is emitted: GTK 4.8's list view rebinds every
 * row it holds after a changed position, some 200 rows, which made the frame
 * in which a page arrived above them (scrolling up) take 15–18 ms of CPU
 * (issue 12). At most
 * %SA_ORDER_PAGES_MAX_RESIDENT pages stay in memory (the least recently asked
 * for go first; the orders of a dropped page that someone still holds, a
 * list view's rows, stay the model's items at their positions while they
 * live, so that dropping a page changes no item and announces nothing) and
 * at most %SA_ORDER_PAGES_MAX_FETCHING are fetched at once (scrolling fast
 * gives up the oldest fetch). sa_order_pages_cancel() stops
 * every fetch when the query is superseded. GIO only: no GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-order-pages.h"

typedef struct
{
  guint         index;
  GPtrArray    *items;     /* SaOrder (or NULL: placeholder not made yet) */
  GCancellable *fetching;  /* while its fetch runs */
  guint64       last_used;
  guint         handed_first; /* offsets handed out while fetching (told */
  guint         handed_last;  /* to ask again if given up); first > last: none */
  guint         loaded : 1;
} Page;

typedef struct
{
  GWeakRef      self;
  guint         index;
  GCancellable *cancellable;
} Fetch;

struct _SaOrderPages
{
  GObject             parent_instance;

  SaClient           *client;
  SaOrderSearchField  field;
  char               *value;
  guint               total;
  GHashTable         *pages;      /* index → Page */
  GHashTable         *kept;       /* position → Kept: orders of dropped pages
                                   * that someone else still holds */
  GArray             *given_up;   /* Range: rows that must ask again */
  guint               given_up_idle;
  guint               hint;       /* the position the user looks at */
  GTask              *load_task;
  guint64             tick;
  guint               n_requests;
  guint               n_fetching;
  guint               n_resident;
  guint               loaded : 1;
  guint               cancelled : 1;
};

/* An order of a dropped page, watched (weakly) while someone holds it. */
typedef struct
{
  SaOrderPages *self;
  guint         position;
  SaOrder      *order;  /* weak */
} Kept;

static void sa_order_pages_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SaOrderPages, sa_order_pages, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      sa_order_pages_list_model_init))

enum {
  PROP_0,
  PROP_TOTAL_RECORDS,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark
placeholder_quark (void)
{
  return g_quark_from_static_string ("sa-order-pages-placeholder");
}

/* The position of a placeholder (stored as position + 1). */
static GQuark
position_quark (void)
{
  return g_quark_from_static_string ("sa-order-pages-position");
}

static guint
placeholder_position (SaOrder *placeholder)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (placeholder), position_quark ())) - 1;
}

/* Placeholders nearest to the position the user looks at first. */
static int
compare_distance (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SaOrderPages *self = user_data;
  guint pa = placeholder_position (*(SaOrder **) a);
  guint pb = placeholder_position (*(SaOrder **) b);
  guint da = pa > self->hint ? pa - self->hint : self->hint - pa;
  guint db = pb > self->hint ? pb - self->hint : self->hint - pb;

  return da < db ? -1 : da > db ? 1 : 0;
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  if (page->fetching != NULL)
    {
      g_cancellable_cancel (page->fetching);
      g_object_unref (page->fetching);
    }
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
fetch_free (Fetch *fetch)
{
  g_weak_ref_clear (&fetch->self);
  g_object_unref (fetch->cancellable);
  g_free (fetch);
}

static guint
page_length (SaOrderPages *self,
             guint         index)
{
  guint start = index * SA_ORDER_PAGES_PAGE_SIZE;

  if (!self->loaded)
    return SA_ORDER_PAGES_PAGE_SIZE;
  if (start >= self->total)
    return 0;
  return MIN (SA_ORDER_PAGES_PAGE_SIZE, self->total - start);
}

/* Drops @page from memory (its fetch, if any, given up). */
static void
remove_page (SaOrderPages *self,
             Page         *page)
{
  if (page->fetching != NULL)
    self->n_fetching--;
  if (page->loaded)
    self->n_resident--;
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page->index));
}

/* Positions of the model, for "items-changed". */
typedef struct
{
  guint start;
  guint n;
} Range;

/* The positions of @page handed out while it was fetched, which are then
 * forgotten: when its fetch is given up, only those rows are told to ask
 * again (a list view asks only for the rows it shows, and rebuilding the
 * rows of a whole page at once drops frames, issue 12). A position never
 * handed out has no item that anyone holds. */
static Range
take_handed (Page *page)
{
  Range range = { page->index * SA_ORDER_PAGES_PAGE_SIZE + page->handed_first, 0 };

  if (page->handed_first <= page->handed_last && page->items->len > 0)
    range.n = MIN (page->handed_last, page->items->len - 1) - page->handed_first + 1;
  page->handed_first = G_MAXUINT;
  page->handed_last = 0;

  return range;
}

static void
emit_range (SaOrderPages *self,
            Range         range)
{
  if (self->loaded && range.n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), range.start, range.n, range.n);
}

static gboolean
emit_given_up (gpointer user_data)
{
  SaOrderPages *self = user_data;
  g_autoptr(GArray) given_up = g_steal_pointer (&self->given_up);

  self->given_up_idle = 0;
  self->given_up = g_array_new (FALSE, FALSE, sizeof (Range));
  for (guint i = 0; i < given_up->len; i++)
    emit_range (self, g_array_index (given_up, Range, i));

  return G_SOURCE_REMOVE;
}

/* The least recently asked-for page that is fetching (@fetching) or loaded,
 * other than @except; NULL when there is none. */
static Page *
find_oldest (SaOrderPages *self,
             gboolean      fetching,
             Page         *except)
{
  GHashTableIter iter;
  gpointer value;
  Page *oldest = NULL;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;

      if (page == except)
        continue;
      if (fetching ? page->fetching == NULL : !page->loaded)
        continue;
      if (oldest == NULL || page->last_used < oldest->last_used)
        oldest = page;
    }

  return oldest;
}

static void
kept_gone (gpointer  data,
           GObject  *where_the_object_was)
{
  Kept *kept = data;

  kept->order = NULL;
  g_hash_table_remove (kept->self->kept, GUINT_TO_POINTER (kept->position));
}

static void
kept_free (gpointer data)
{
  Kept *kept = data;

  if (kept->order != NULL)
    g_object_weak_unref (G_OBJECT (kept->order), kept_gone, kept);
  g_free (kept);
}

/* The order of a dropped page still held at @position, or NULL. */
static SaOrder *
lookup_kept (SaOrderPages *self,
             guint         position)
{
  Kept *kept = g_hash_table_lookup (self->kept, GUINT_TO_POINTER (position));

  return kept != NULL ? kept->order : NULL;
}

/* Watches the real orders of @page, about to be dropped: those that someone
 * else holds (a list view's rows) stay the model's items at their positions
 * while they live. */
static void
keep_held_orders (SaOrderPages *self,
                  Page         *page)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      SaOrder *order = g_ptr_array_index (page->items, i);
      Kept *kept;

      if (order == NULL || sa_order_pages_is_placeholder (order))
        continue;
      kept = g_new0 (Kept, 1);
      kept->self = self;
      kept->position = page->index * SA_ORDER_PAGES_PAGE_SIZE + i;
      kept->order = order;
      g_object_weak_ref (G_OBJECT (order), kept_gone, kept);
      g_hash_table_replace (self->kept, GUINT_TO_POINTER (kept->position), kept);
    }
}

/* Keeps memory flat: drops the least recently asked-for pages beyond
 * %SA_ORDER_PAGES_MAX_RESIDENT. Their orders that a list view still shows
 * stay its items (keep_held_orders()), the others go; no item changes, so
 * nothing is announced (issue 12: an "items-changed" makes GTK 4.8's list
 * view rebind every row it holds after it). */
static void
evict (SaOrderPages *self,
       Page         *keep)
{
  while (self->n_resident > SA_ORDER_PAGES_MAX_RESIDENT)
    {
      Page *oldest = find_oldest (self, FALSE, keep);

      if (oldest == NULL)
        break;
      keep_held_orders (self, oldest);
      remove_page (self, oldest);
    }
}

static void fetch_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data);

/* Asks the server for @page (offset and limit through the SaClient boundary),
 * giving up the oldest fetch when %SA_ORDER_PAGES_MAX_FETCHING run already. */
static void
start_fetch (SaOrderPages *self,
             Page         *page)
{
  Fetch *fetch;

  while (self->n_fetching >= SA_ORDER_PAGES_MAX_FETCHING)
    {
      Page *oldest = find_oldest (self, TRUE, page);
      Range range;

      if (oldest == NULL)
        break;
      /* Its rows (if still shown) ask again once the view hears of it; not
       * from within get_item(), hence the idle. */
      range = take_handed (oldest);
      g_array_append_val (self->given_up, range);
      if (self->given_up_idle == 0)
        self->given_up_idle = g_idle_add (emit_given_up, self);
      remove_page (self, oldest);
    }

  page->fetching = g_cancellable_new ();
  self->n_fetching++;
  self->n_requests++;

  fetch = g_new0 (Fetch, 1);
  g_weak_ref_init (&fetch->self, self);
  fetch->index = page->index;
  fetch->cancellable = g_object_ref (page->fetching);

  sa_client_search_orders_async (self->client, self->field, self->value,
                                 page->index * SA_ORDER_PAGES_PAGE_SIZE, SA_ORDER_PAGES_PAGE_SIZE,
                                 fetch->cancellable, fetch_cb, fetch);
}

static Page *
add_page (SaOrderPages *self,
          guint         index)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->handed_first = G_MAXUINT;
  page->items = g_ptr_array_new_with_free_func (unref_if_set);
  g_ptr_array_set_size (page->items, page_length (self, index));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);

  if (!self->cancelled)
    start_fetch (self, page);

  return page;
}

static void
finish_load (SaOrderPages *self,
             GError       *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->load_task);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(SaOrderPages) self = g_weak_ref_get (&fetch->self);
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) filled = NULL;
  gboolean first;
  guint total = 0;
  guint n;
  Page *page;

  orders = sa_client_search_orders_finish (SA_CLIENT (source), result, &total, &error);
  if (self == NULL)
    {
      fetch_free (fetch);
      return;
    }

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (fetch->index));
  if (page == NULL || page->fetching != fetch->cancellable)
    {
      /* Given up (a newer query or fetch); a load still waiting says so. */
      if (fetch->index == 0 && !self->loaded)
        finish_load (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
      fetch_free (fetch);
      return;
    }
  fetch_free (fetch);
  g_clear_object (&page->fetching);
  self->n_fetching--;
  first = !self->loaded;

  if (orders == NULL)
    {
      /* Dropped: shown again, its rows ask again. */
      g_debug ("An order page could not be fetched: %s", error->message);
      remove_page (self, page);
      if (first)
        finish_load (self, g_steal_pointer (&error));
      return;
    }

  if (first)
    {
      self->total = total;
      self->loaded = TRUE;
      g_ptr_array_set_size (page->items, page_length (self, page->index));
    }

  n = MIN (g_list_model_get_n_items (orders), page->items->len);
  filled = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      guint position = page->index * SA_ORDER_PAGES_PAGE_SIZE + i;
      SaOrder *held = lookup_kept (self, position);
      SaOrder *item = g_ptr_array_index (page->items, i);

      if (item != NULL && sa_order_pages_is_placeholder (item))
        /* Handed out (a list view's row): filled in place below. */
        g_ptr_array_add (filled, g_object_ref (item));
      else
        {
          g_clear_object (&g_ptr_array_index (page->items, i));
          /* An order of this page still shown since the page was dropped
           * stays the item there. */
          g_ptr_array_index (page->items, i) = held != NULL ? g_object_ref (held)
                                                            : g_list_model_get_item (orders, i);
        }
      g_hash_table_remove (self->kept, GUINT_TO_POINTER (position));
    }
  page->loaded = TRUE;
  self->n_resident++;

  if (first)
    {
      if (self->total > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->total);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_RECORDS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
      finish_load (self, NULL);
    }
  else
    evict (self, page);

  /* No "items-changed": the placeholders handed out take their orders, the
   * one the user looks at first (issue 12). */
  page->handed_first = G_MAXUINT;
  page->handed_last = 0;
  g_ptr_array_sort_with_data (filled, compare_distance, self);
  for (guint i = 0; i < filled->len; i++)
    {
      SaOrder *placeholder = g_ptr_array_index (filled, i);
      guint position = placeholder_position (placeholder);
      g_autoptr(SaOrder) order = g_list_model_get_item (orders, position % SA_ORDER_PAGES_PAGE_SIZE);

      g_object_set_qdata (G_OBJECT (placeholder), placeholder_quark (), NULL);
      sa_order_fill (placeholder, order);
    }
}

static GType
sa_order_pages_get_item_type (GListModel *list)
{
  return SA_TYPE_ORDER;
}

static guint
sa_order_pages_get_n_items (GListModel *list)
{
  SaOrderPages *self = SA_ORDER_PAGES (list);

  return self->loaded ? self->total : 0;
}

static gpointer
sa_order_pages_get_item (GListModel *list,
                         guint       position)
{
  SaOrderPages *self = SA_ORDER_PAGES (list);
  guint index = position / SA_ORDER_PAGES_PAGE_SIZE;
  guint offset = position % SA_ORDER_PAGES_PAGE_SIZE;
  Page *page;
  SaOrder *order;

  if (!self->loaded || position >= self->total)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL || !page->loaded)
    {
      /* Still shown since its page was dropped: the same order. */
      order = lookup_kept (self, position);
      if (order != NULL)
        return g_object_ref (order);
    }
  if (page == NULL)
    page = add_page (self, index);
  page->last_used = ++self->tick;
  page->handed_first = MIN (page->handed_first, offset);
  page->handed_last = MAX (page->handed_last, offset);

  order = g_ptr_array_index (page->items, offset);
  if (order == NULL)
    {
      order = sa_order_new ("", SA_ORDER_STATUS_ENTERED, NULL);
      g_object_set_qdata (G_OBJECT (order), placeholder_quark (), GINT_TO_POINTER (TRUE));
      g_object_set_qdata (G_OBJECT (order), position_quark (), GUINT_TO_POINTER (position + 1));
      g_ptr_array_index (page->items, offset) = order;
    }

  return g_object_ref (order);
}

static void
sa_order_pages_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sa_order_pages_get_item_type;
  iface->get_n_items = sa_order_pages_get_n_items;
  iface->get_item = sa_order_pages_get_item;
}

static void
sa_order_pages_dispose (GObject *object)
{
  SaOrderPages *self = SA_ORDER_PAGES (object);

  sa_order_pages_cancel (self);
  g_clear_handle_id (&self->given_up_idle, g_source_remove);
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->kept);
  self->n_fetching = 0;
  self->n_resident = 0;
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_order_pages_parent_class)->dispose (object);
}

static void
sa_order_pages_finalize (GObject *object)
{
  SaOrderPages *self = SA_ORDER_PAGES (object);

  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->kept);
  g_array_unref (self->given_up);
  g_free (self->value);

  G_OBJECT_CLASS (sa_order_pages_parent_class)->finalize (object);
}

static void
sa_order_pages_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SaOrderPages *self = SA_ORDER_PAGES (object);

  switch (prop_id)
    {
    case PROP_TOTAL_RECORDS:
      g_value_set_uint (value, self->total);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_order_pages_class_init (SaOrderPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_order_pages_dispose;
  object_class->finalize = sa_order_pages_finalize;
  object_class->get_property = sa_order_pages_get_property;

  /**
   * SaOrderPages:total-records:
   *
   * How many orders match on the server (its totalRecords), known once the
   * first page is loaded; the model has as many items.
   */
  properties[PROP_TOTAL_RECORDS] =
    g_param_spec_uint ("total-records", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaOrderPages:loaded:
   *
   * Whether the first page (and so totalRecords) is known.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_order_pages_init (SaOrderPages *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->kept = g_hash_table_new_full (NULL, NULL, NULL, kept_free);
  self->given_up = g_array_new (FALSE, FALSE, sizeof (Range));
}

/**
 * sa_order_pages_new:
 * @client: the signed-in #SaClient to search with; it must list orders
 *   (%SA_CLIENT_FEATURE_ORDER_LIST)
 * @field: what to search in: Sales Order No., Web Order No. or PO No.
 * @value: (nullable): the value typed, already checked with
 *   sa_validate_order_search(); %NULL lists every order the user may see
 *
 * Creates the model of one order search (step 2 of assigning an order, step
 * 3 of changing an assignment). It is empty until sa_order_pages_load_async()
 * has fetched the first page and learnt totalRecords.
 *
 * Returns: (transfer full): a new #SaOrderPages
 */
SaOrderPages *
sa_order_pages_new (SaClient           *client,
                    SaOrderSearchField  field,
                    const char         *value)
{
  SaOrderPages *self;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);

  self = g_object_new (SA_TYPE_ORDER_PAGES, NULL);
  self->client = g_object_ref (client);
  self->field = field;
  self->value = g_strdup (value);

  return self;
}

/**
 * sa_order_pages_load_async:
 * @self: a #SaOrderPages
 * @cancellable: (nullable): a #GCancellable; sa_order_pages_cancel() also
 *   ends the load
 * @callback: called once the first page is there (or could not be fetched)
 * @user_data: data for @callback
 *
 * Fetches the first page of %SA_ORDER_PAGES_PAGE_SIZE orders: one request.
 * The model then has totalRecords items; the others are fetched when asked
 * for. Call it once.
 */
void
sa_order_pages_load_async (SaOrderPages        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SA_IS_ORDER_PAGES (self));
  g_return_if_fail (self->load_task == NULL && !self->loaded);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_order_pages_load_async);
  g_task_set_check_cancellable (task, TRUE);

  if (self->cancelled || g_task_return_error_if_cancelled (task))
    {
      if (self->cancelled)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  self->load_task = g_steal_pointer (&task);
  if (g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0)) == NULL)
    add_page (self, 0);
}

/**
 * sa_order_pages_load_finish:
 * @self: a #SaOrderPages
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE once the first page and totalRecords are known; %FALSE with
 *   the errors of sa_client_search_orders_finish() (%G_IO_ERROR_CANCELLED
 *   when cancelled or superseded)
 */
gboolean
sa_order_pages_load_finish (SaOrderPages  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGES (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sa_order_pages_cancel:
 * @self: a #SaOrderPages
 *
 * Stops every fetch, for a query that another one superseded: nothing more
 * is asked of the server; what was loaded stays readable.
 */
void
sa_order_pages_cancel (SaOrderPages *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (SA_IS_ORDER_PAGES (self));

  self->cancelled = TRUE;
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;

      if (page->fetching != NULL)
        g_cancellable_cancel (page->fetching);
    }
}

/**
 * sa_order_pages_set_hint:
 * @self: a #SaOrderPages
 * @position: the position the user looks at (the first row shown)
 *
 * Says where the user looks, so that the placeholders of a page that
 * arrives are filled nearest first (issue 12: no frame dropped while
 * scrolling).
 * Asks for nothing.
 */
void
sa_order_pages_set_hint (SaOrderPages *self,
                         guint         position)
{
  g_return_if_fail (SA_IS_ORDER_PAGES (self));

  self->hint = position;
}

/**
 * sa_order_pages_get_field:
 * @self: a #SaOrderPages
 *
 * Returns: what the search looks in
 */
SaOrderSearchField
sa_order_pages_get_field (SaOrderPages *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGES (self), SA_ORDER_SEARCH_SALES_ORDER_NUMBER);

  return self->field;
}

/**
 * sa_order_pages_get_value:
 * @self: a #SaOrderPages
 *
 * Returns: (nullable): the value searched for; %NULL for every order
 */
const char *
sa_order_pages_get_value (SaOrderPages *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGES (self), NULL);

  return self->value;
}

/**
 * sa_order_pages_get_total_records:
 * @self: a #SaOrderPages
 *
 * Returns: how many orders match on the server (0 before the first page)
 */
guint
sa_order_pages_get_total_records (SaOrderPages *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGES (self), 0);

  return self->total;
}

/**
 * sa_order_pages_get_loaded:
 * @self: a #SaOrderPages
 *
 * Returns: whether the first page (and totalRecords) is known
 */
gboolean
sa_order_pages_get_loaded (SaOrderPages *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGES (self), FALSE);

  return self->loaded;
}

/**
 * sa_order_pages_is_loaded:
 * @self: a #SaOrderPages
 * @position: an index in the model
 *
 * Returns: whether the order at @position is in memory (a real order, not a
 *   placeholder); asks for nothing
 */
gboolean
sa_order_pages_is_loaded (SaOrderPages *self,
                          guint         position)
{
  Page *page;
  SaOrder *order;

  g_return_val_if_fail (SA_IS_ORDER_PAGES (self), FALSE);

  if (!self->loaded || position >= self->total)
    return FALSE;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / SA_ORDER_PAGES_PAGE_SIZE));
  if (page == NULL || !page->loaded)
    return lookup_kept (self, position) != NULL;
  order = g_ptr_array_index (page->items, position % SA_ORDER_PAGES_PAGE_SIZE);

  return order != NULL && !sa_order_pages_is_placeholder (order);
}

/**
 * sa_order_pages_is_placeholder:
 * @order: an item of a #SaOrderPages
 *
 * Returns: %TRUE when @order stands for an order whose page is not loaded
 *   yet (its Sales Order No. is empty); when its page arrives it takes the
 *   real order's data in place (sa_order_fill()) and notifies its
 *   properties, and stays the item at its position (issue 12)
 */
gboolean
sa_order_pages_is_placeholder (SaOrder *order)
{
  g_return_val_if_fail (SA_IS_ORDER (order), FALSE);

  return g_object_get_qdata (G_OBJECT (order), placeholder_quark ()) != NULL;
}

/**
 * sa_order_pages_get_n_requests:
 * @self: a #SaOrderPages
 *
 * Returns: how many pages were asked of the server so far (one per request)
 */
guint
sa_order_pages_get_n_requests (SaOrderPages *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGES (self), 0);

  return self->n_requests;
}

/**
 * sa_order_pages_get_n_resident:
 * @self: a #SaOrderPages
 *
 * Returns: how many loaded pages are in memory (at most
 *   %SA_ORDER_PAGES_MAX_RESIDENT once a fetch has completed)
 */
guint
sa_order_pages_get_n_resident (SaOrderPages *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGES (self), 0);

  return self->n_resident;
}

/**
 * sa_order_pages_get_n_fetching:
 * @self: a #SaOrderPages
 *
 * Returns: how many page fetches are running (at most
 *   %SA_ORDER_PAGES_MAX_FETCHING)
 */
guint
sa_order_pages_get_n_fetching (SaOrderPages *self)
{
  g_return_val_if_fail (SA_IS_ORDER_PAGES (self), 0);

  return self->n_fetching;
}
