/* sa-license-detail.c — where a quantity of a license came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-license-detail.h"

struct _SaLicenseDetail
{
  GObject  parent_instance;

  char    *order_number;
  char    *license_sku;
  char    *license_type;
  gint64   quantity;
  char    *status;
  char    *start_date;
  char    *end_date;
};

G_DEFINE_FINAL_TYPE (SaLicenseDetail, sa_license_detail, G_TYPE_OBJECT)

static void
sa_license_detail_finalize (GObject *object)
{
  SaLicenseDetail *self = (SaLicenseDetail *)object;

  g_clear_pointer (&self->order_number, g_free);
  g_clear_pointer (&self->license_sku, g_free);
  g_clear_pointer (&self->license_type, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);

  G_OBJECT_CLASS (sa_license_detail_parent_class)->finalize (object);
}

static void
sa_license_detail_class_init (SaLicenseDetailClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_license_detail_finalize;
}

static void
sa_license_detail_init (SaLicenseDetail *self)
{
}

/**
 * sa_license_detail_new:
 * @order_number: (nullable): `orderNumber`, the sales order the licenses came
 *   from
 * @license_sku: (nullable): `licenseSku`
 * @license_type: (nullable): `licenseType` ("PERPETUAL", "TERM"…)
 * @quantity: `quantity`
 * @status: (nullable): `status` as Cisco gives it ("ACTIVE")
 * @start_date: (nullable): `startDate` as Cisco gives it ("2019-05-20")
 * @end_date: (nullable): `endDate`, the same way
 *
 * Returns: (transfer full): a new #SaLicenseDetail
 */
SaLicenseDetail *
sa_license_detail_new (const char *order_number,
                       const char *license_sku,
                       const char *license_type,
                       gint64      quantity,
                       const char *status,
                       const char *start_date,
                       const char *end_date)
{
  SaLicenseDetail *self = g_object_new (SA_TYPE_LICENSE_DETAIL, NULL);

  self->order_number = g_strdup (order_number);
  self->license_sku = g_strdup (license_sku);
  self->license_type = g_strdup (license_type);
  self->quantity = quantity;
  self->status = g_strdup (status);
  self->start_date = g_strdup (start_date);
  self->end_date = g_strdup (end_date);

  return self;
}

/**
 * sa_license_detail_get_order_number:
 * @self: an #SaLicenseDetail
 *
 * The one public way to tell which Smart Account and Virtual Account an order
 * landed in ("Where are my licenses?", CISCO-APIS.md §5.4).
 *
 * Returns: (transfer none) (nullable): the originating sales order number
 */
const char *
sa_license_detail_get_order_number (SaLicenseDetail *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DETAIL (self), NULL);
  return self->order_number;
}

/**
 * sa_license_detail_get_license_sku:
 * @self: an #SaLicenseDetail
 *
 * Returns: (transfer none) (nullable): the license SKU
 */
const char *
sa_license_detail_get_license_sku (SaLicenseDetail *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DETAIL (self), NULL);
  return self->license_sku;
}

/**
 * sa_license_detail_get_license_type:
 * @self: an #SaLicenseDetail
 *
 * Returns: (transfer none) (nullable): "PERPETUAL", "TERM"… as Cisco gives it
 */
const char *
sa_license_detail_get_license_type (SaLicenseDetail *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DETAIL (self), NULL);
  return self->license_type;
}

/**
 * sa_license_detail_get_quantity:
 * @self: an #SaLicenseDetail
 *
 * Returns: the quantity of this line
 */
gint64
sa_license_detail_get_quantity (SaLicenseDetail *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DETAIL (self), 0);
  return self->quantity;
}

/**
 * sa_license_detail_get_status:
 * @self: an #SaLicenseDetail
 *
 * Returns: (transfer none) (nullable): the status as Cisco gives it ("ACTIVE")
 */
const char *
sa_license_detail_get_status (SaLicenseDetail *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DETAIL (self), NULL);
  return self->status;
}

/**
 * sa_license_detail_get_start_date:
 * @self: an #SaLicenseDetail
 *
 * Returns: (transfer none) (nullable): the start date as Cisco gives it
 *   ("2019-05-20")
 */
const char *
sa_license_detail_get_start_date (SaLicenseDetail *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DETAIL (self), NULL);
  return self->start_date;
}

/**
 * sa_license_detail_get_end_date:
 * @self: an #SaLicenseDetail
 *
 * Returns: (transfer none) (nullable): the end date as Cisco gives it
 */
const char *
sa_license_detail_get_end_date (SaLicenseDetail *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DETAIL (self), NULL);
  return self->end_date;
}
