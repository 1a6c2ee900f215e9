/* sa-order-entries.c — the order page's "entries" section: this order's
 * hand-offs in the journal
 *
 * Issue 10, "The journal": "an order page shows its own entries". The order
 * page binds #SaOrderEntries:order to its own "order"; the section lists the
 * journal's entries whose subject is that Sales Order No. (SaJournalList),
 * with their observed state, Remove, Export and "Move Licenses…". It takes
 * the journal and the watch from its window (sa_window_get_journal()): they
 * are there only with a back end completing the procedures in Cisco's portal;
 * otherwise the section stays hidden.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-order-entries.h"
#include "sa-window.h"

struct _SaOrderEntries
{
  AdwBin         parent_instance;

  SaJournalList *list;
  SaOrder       *order;
};

G_DEFINE_FINAL_TYPE (SaOrderEntries, sa_order_entries, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SaOrderEntries *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SaJournal *journal = NULL;
  SaWatch *watch = NULL;

  if (SA_IS_WINDOW (root))
    {
      journal = sa_window_get_journal (SA_WINDOW (root));
      watch = sa_window_get_watch (SA_WINDOW (root));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), journal != NULL && self->order != NULL);
  if (journal == NULL || self->order == NULL)
    return;

  sa_journal_list_set_subject (self->list, sa_order_get_sales_order_number (self->order));
  sa_journal_list_set_journal (self->list, journal, watch);
}

static void
sa_order_entries_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sa_order_entries_parent_class)->root (widget);
  update (SA_ORDER_ENTRIES (widget));
}

static void
sa_order_entries_dispose (GObject *object)
{
  SaOrderEntries *self = SA_ORDER_ENTRIES (object);

  g_clear_object (&self->order);

  G_OBJECT_CLASS (sa_order_entries_parent_class)->dispose (object);
}

static void
sa_order_entries_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SaOrderEntries *self = SA_ORDER_ENTRIES (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_order_entries_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SaOrderEntries *self = SA_ORDER_ENTRIES (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      if (g_set_object (&self->order, g_value_get_object (value)))
        {
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_order_entries_class_init (SaOrderEntriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_order_entries_dispose;
  object_class->get_property = sa_order_entries_get_property;
  object_class->set_property = sa_order_entries_set_property;
  widget_class->root = sa_order_entries_root;

  /**
   * SaOrderEntries:order:
   *
   * The order whose entries are listed (the order page's "order").
   */
  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, SA_TYPE_ORDER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_order_entries_init (SaOrderEntries *self)
{
  self->list = SA_JOURNAL_LIST (sa_journal_list_new_for_subject ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * sa_order_entries_new:
 *
 * Returns: (transfer floating): the section, hidden until it has an order
 *   and its window a journal
 */
GtkWidget *
sa_order_entries_new (void)
{
  return g_object_new (SA_TYPE_ORDER_ENTRIES, NULL);
}

/**
 * sa_order_entries_get_list:
 * @self: a #SaOrderEntries
 *
 * Returns: (transfer none): the list of entries
 */
SaJournalList *
sa_order_entries_get_list (SaOrderEntries *self)
{
  g_return_val_if_fail (SA_IS_ORDER_ENTRIES (self), NULL);

  return self->list;
}
