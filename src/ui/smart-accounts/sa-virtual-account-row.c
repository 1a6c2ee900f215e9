/* sa-virtual-account-row.c — a Virtual Account and its licenses, expandable
 *
 * In the Smart Accounts view, one Virtual Account of the account opened:
 * its name exactly as the back end gives it (double-byte names included,
 * with the note that the portal's Virtual Account Name list does not show
 * them), whether it is the DEFAULT one, how many licenses it holds; expanded,
 * one SaLicenseRow per license (quantity, in use, status, originating
 * orders).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-assignment-checks.h"
#include "sa-license-row.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"
#include "sa-virtual-account-row.h"

struct _SaVirtualAccountRow
{
  AdwExpanderRow    parent_instance;

  SaStatusPill     *default_pill;

  SaVirtualAccount *virtual_account;
  GListModel       *licenses;
};

G_DEFINE_FINAL_TYPE (SaVirtualAccountRow, sa_virtual_account_row, ADW_TYPE_EXPANDER_ROW)

static void
populate (SaVirtualAccountRow *self)
{
  const char *name = sa_virtual_account_get_name (self->virtual_account);
  guint n = g_list_model_get_n_items (self->licenses);
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;

  if (n == 0)
    count = g_strdup (_("No licenses"));
  else
    /* Translators: how many licenses a Virtual Account holds */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u license", "%u licenses", n), n);

  if (sa_text_has_double_byte (name))
    /* Translators: %s is "2 licenses"; the rest explains a Virtual Account name with Japanese (double-byte) characters */
    subtitle = g_strdup_printf (_("%s · Not listed by the portal (double-byte characters)"), count);
  else
    subtitle = g_steal_pointer (&count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), n > 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), n > 0 && n <= 3);

  gtk_widget_set_visible (GTK_WIDGET (self->default_pill), sa_virtual_account_get_is_default (self->virtual_account));
  sa_status_pill_set (self->default_pill, _("Default"), "accent");

  /* The list-item factory of this row: one template row per license. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (self->licenses, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), sa_license_row_new (license, FALSE));
    }
}

static void
sa_virtual_account_row_dispose (GObject *object)
{
  SaVirtualAccountRow *self = SA_VIRTUAL_ACCOUNT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_VIRTUAL_ACCOUNT_ROW);
  g_clear_object (&self->virtual_account);
  g_clear_object (&self->licenses);

  G_OBJECT_CLASS (sa_virtual_account_row_parent_class)->dispose (object);
}

static void
sa_virtual_account_row_class_init (SaVirtualAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_virtual_account_row_dispose;

  g_type_ensure (SA_TYPE_STATUS_PILL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/smart-accounts/sa-virtual-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaVirtualAccountRow, default_pill);
}

static void
sa_virtual_account_row_init (SaVirtualAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_virtual_account_row_new:
 * @virtual_account: the Virtual Account
 * @licenses: (transfer none): a #GListModel of the #SaLicense it holds
 *
 * Creates the row of one Virtual Account in the Smart Accounts view, with a
 * row per license (quantity, in use, status, originating orders).
 *
 * Returns: (transfer floating): a new #SaVirtualAccountRow
 */
GtkWidget *
sa_virtual_account_row_new (SaVirtualAccount *virtual_account,
                            GListModel       *licenses)
{
  SaVirtualAccountRow *self;

  g_return_val_if_fail (SA_IS_VIRTUAL_ACCOUNT (virtual_account), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (licenses), NULL);

  self = g_object_new (SA_TYPE_VIRTUAL_ACCOUNT_ROW, NULL);
  self->virtual_account = g_object_ref (virtual_account);
  self->licenses = g_object_ref (licenses);
  populate (self);

  return GTK_WIDGET (self);
}

/**
 * sa_virtual_account_row_get_virtual_account:
 * @self: a #SaVirtualAccountRow
 *
 * Returns: (transfer none): the Virtual Account shown
 */
SaVirtualAccount *
sa_virtual_account_row_get_virtual_account (SaVirtualAccountRow *self)
{
  g_return_val_if_fail (SA_IS_VIRTUAL_ACCOUNT_ROW (self), NULL);

  return self->virtual_account;
}

/**
 * sa_virtual_account_row_get_licenses:
 * @self: a #SaVirtualAccountRow
 *
 * Returns: (transfer none): the #SaLicense list shown
 */
GListModel *
sa_virtual_account_row_get_licenses (SaVirtualAccountRow *self)
{
  g_return_val_if_fail (SA_IS_VIRTUAL_ACCOUNT_ROW (self), NULL);

  return self->licenses;
}
