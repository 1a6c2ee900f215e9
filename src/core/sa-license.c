/* sa-license.c — a license in a Virtual Account, with where it came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-license.h"

struct _SaLicense
{
  GObject     parent_instance;

  char       *license;
  char       *smart_account_domain;
  char       *smart_account_name;
  char       *virtual_account;
  gint64      quantity;
  gint64      in_use;
  gint64      available;
  char       *status;
  GListStore *details;  /* of SaLicenseDetail */
};

G_DEFINE_FINAL_TYPE (SaLicense, sa_license, G_TYPE_OBJECT)

static void
sa_license_finalize (GObject *object)
{
  SaLicense *self = (SaLicense *)object;

  g_clear_pointer (&self->license, g_free);
  g_clear_pointer (&self->smart_account_domain, g_free);
  g_clear_pointer (&self->smart_account_name, g_free);
  g_clear_pointer (&self->virtual_account, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_object (&self->details);

  G_OBJECT_CLASS (sa_license_parent_class)->finalize (object);
}

static void
sa_license_class_init (SaLicenseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_license_finalize;
}

static void
sa_license_init (SaLicense *self)
{
  self->details = g_list_store_new (SA_TYPE_LICENSE_DETAIL);
}

/**
 * sa_license_new:
 * @license: `license`, the license's name ("DNA Advantage For SDWAN")
 * @virtual_account: (nullable): `virtualAccount`, the Virtual Account holding it
 * @quantity: `quantity`
 * @in_use: `inUse`
 * @available: `available`
 * @status: (nullable): `status` as Cisco gives it ("In Compliance")
 *
 * Returns: (transfer full): a new #SaLicense without details
 */
SaLicense *
sa_license_new (const char *license,
                const char *virtual_account,
                gint64      quantity,
                gint64      in_use,
                gint64      available,
                const char *status)
{
  SaLicense *self;

  g_return_val_if_fail (license != NULL, NULL);

  self = g_object_new (SA_TYPE_LICENSE, NULL);
  self->license = g_strdup (license);
  self->virtual_account = g_strdup (virtual_account);
  self->quantity = quantity;
  self->in_use = in_use;
  self->available = available;
  self->status = g_strdup (status);

  return self;
}

/**
 * sa_license_add_detail:
 * @self: an #SaLicense
 * @detail: one of its `licenseDetails`
 *
 * Appends @detail to the license's details.
 */
void
sa_license_add_detail (SaLicense       *self,
                       SaLicenseDetail *detail)
{
  g_return_if_fail (SA_IS_LICENSE (self));
  g_return_if_fail (SA_IS_LICENSE_DETAIL (detail));

  g_list_store_append (self->details, detail);
}

/**
 * sa_license_set_smart_account:
 * @self: an #SaLicense
 * @domain: (nullable): the Domain Identifier of the Smart Account holding it
 * @name: (nullable): that Smart Account's name
 *
 * Says which Smart Account the license sits in. A back end sets it on every
 * license sa_client_find_licenses_by_order_async() returns, since those come
 * from all the user's Smart Accounts ("Where are my licenses?": in which
 * Smart Account and Virtual Account did the order land). Called by the back
 * end before it hands the license out.
 */
void
sa_license_set_smart_account (SaLicense  *self,
                              const char *domain,
                              const char *name)
{
  g_return_if_fail (SA_IS_LICENSE (self));

  g_free (self->smart_account_domain);
  self->smart_account_domain = g_strdup (domain);
  g_free (self->smart_account_name);
  self->smart_account_name = g_strdup (name);
}

/**
 * sa_license_get_smart_account_domain:
 * @self: an #SaLicense
 *
 * Returns: (transfer none) (nullable): the Domain Identifier of the Smart
 *   Account holding the license, %NULL when the back end did not say (a list
 *   of one Smart Account's licenses: the caller knows it)
 */
const char *
sa_license_get_smart_account_domain (SaLicense *self)
{
  g_return_val_if_fail (SA_IS_LICENSE (self), NULL);
  return self->smart_account_domain;
}

/**
 * sa_license_get_smart_account_name:
 * @self: an #SaLicense
 *
 * Returns: (transfer none) (nullable): the name of the Smart Account holding
 *   the license, %NULL when unknown
 */
const char *
sa_license_get_smart_account_name (SaLicense *self)
{
  g_return_val_if_fail (SA_IS_LICENSE (self), NULL);
  return self->smart_account_name;
}

/**
 * sa_license_get_license:
 * @self: an #SaLicense
 *
 * Returns: (transfer none): the license's name
 */
const char *
sa_license_get_license (SaLicense *self)
{
  g_return_val_if_fail (SA_IS_LICENSE (self), NULL);
  return self->license;
}

/**
 * sa_license_get_virtual_account:
 * @self: an #SaLicense
 *
 * Returns: (transfer none) (nullable): the Virtual Account holding it, as
 *   Cisco names it (any script)
 */
const char *
sa_license_get_virtual_account (SaLicense *self)
{
  g_return_val_if_fail (SA_IS_LICENSE (self), NULL);
  return self->virtual_account;
}

/**
 * sa_license_get_quantity:
 * @self: an #SaLicense
 *
 * Returns: the total quantity
 */
gint64
sa_license_get_quantity (SaLicense *self)
{
  g_return_val_if_fail (SA_IS_LICENSE (self), 0);
  return self->quantity;
}

/**
 * sa_license_get_in_use:
 * @self: an #SaLicense
 *
 * Returns: the quantity in use
 */
gint64
sa_license_get_in_use (SaLicense *self)
{
  g_return_val_if_fail (SA_IS_LICENSE (self), 0);
  return self->in_use;
}

/**
 * sa_license_get_available:
 * @self: an #SaLicense
 *
 * Returns: the quantity available
 */
gint64
sa_license_get_available (SaLicense *self)
{
  g_return_val_if_fail (SA_IS_LICENSE (self), 0);
  return self->available;
}

/**
 * sa_license_get_status:
 * @self: an #SaLicense
 *
 * Returns: (transfer none) (nullable): the status as Cisco gives it ("In
 *   Compliance")
 */
const char *
sa_license_get_status (SaLicense *self)
{
  g_return_val_if_fail (SA_IS_LICENSE (self), NULL);
  return self->status;
}

/**
 * sa_license_get_details:
 * @self: an #SaLicense
 *
 * Returns: (transfer none): a #GListModel of #SaLicenseDetail, in Cisco's order
 */
GListModel *
sa_license_get_details (SaLicense *self)
{
  g_return_val_if_fail (SA_IS_LICENSE (self), NULL);
  return G_LIST_MODEL (self->details);
}

/**
 * sa_license_has_order:
 * @self: an #SaLicense
 * @order_number: a sales order number
 *
 * Whether some of this license came from @order_number (a detail's
 * `orderNumber` equals it, surrounding spaces ignored): "have the order's
 * licenses arrived, and where?" (CISCO-APIS.md §5.4).
 *
 * Returns: %TRUE when a detail names @order_number
 */
gboolean
sa_license_has_order (SaLicense  *self,
                      const char *order_number)
{
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (SA_IS_LICENSE (self), FALSE);
  g_return_val_if_fail (order_number != NULL, FALSE);

  wanted = g_strstrip (g_strdup (order_number));
  if (*wanted == '\0')
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->details));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaLicenseDetail) detail = g_list_model_get_item (G_LIST_MODEL (self->details), i);
      const char *number = sa_license_detail_get_order_number (detail);
      g_autofree char *stripped = number != NULL ? g_strstrip (g_strdup (number)) : NULL;

      if (g_strcmp0 (stripped, wanted) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * sa_license_count_from_order:
 * @licenses: a #GListModel of #SaLicense
 * @order_number: a Sales Order No.; spaces around it are ignored
 *
 * How many of @licenses came from @order_number: the quantities of the
 * details naming it, compared as sa_license_has_order() does (spaces around
 * either number ignored). "Where Are My Licenses?" and the hand-off watch
 * count an order's licenses with it (the seeds' check that the order's
 * licenses reached the Smart Account).
 *
 * Returns: the total quantity, 0 when no detail names @order_number
 */
gint64
sa_license_count_from_order (GListModel *licenses,
                             const char *order_number)
{
  g_autofree char *wanted = NULL;
  gint64 total = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (licenses), 0);
  g_return_val_if_fail (order_number != NULL, 0);

  wanted = g_strstrip (g_strdup (order_number));
  if (*wanted == '\0')
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);
      GListModel *details = G_LIST_MODEL (license->details);

      for (guint j = 0; j < g_list_model_get_n_items (details); j++)
        {
          g_autoptr(SaLicenseDetail) detail = g_list_model_get_item (details, j);
          const char *number = sa_license_detail_get_order_number (detail);
          g_autofree char *stripped = number != NULL ? g_strstrip (g_strdup (number)) : NULL;

          if (g_strcmp0 (stripped, wanted) == 0)
            total += sa_license_detail_get_quantity (detail);
        }
    }

  return total;
}
