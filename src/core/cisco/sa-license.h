/* sa-license.h — a license in a Virtual Account, as Cisco reports it
 *
 * One entry of `POST /v1/accounts/{domain}/licenses` (CISCO-APIS.md §1.2):
 * the license's name, quantities (total, in use, available), compliance status
 * ("In Compliance"), the Virtual Account holding it, and its licenseDetails
 * (SaLicenseDetail: order number, SKU, type, quantity, status, dates).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-license-detail.h"

G_BEGIN_DECLS

#define SA_TYPE_LICENSE (sa_license_get_type ())
G_DECLARE_FINAL_TYPE (SaLicense, sa_license, SA, LICENSE, GObject)

SaLicense   *sa_license_new                 (const char      *license,
                                             const char      *virtual_account,
                                             gint64           quantity,
                                             gint64           in_use,
                                             gint64           available,
                                             const char      *status);
void         sa_license_add_detail          (SaLicense       *self,
                                             SaLicenseDetail *detail);
const char  *sa_license_get_license         (SaLicense       *self);
const char  *sa_license_get_virtual_account (SaLicense       *self);
gint64       sa_license_get_quantity        (SaLicense       *self);
gint64       sa_license_get_in_use          (SaLicense       *self);
gint64       sa_license_get_available       (SaLicense       *self);
const char  *sa_license_get_status         (SaLicense       *self);
GListModel  *sa_license_get_details         (SaLicense       *self);
gboolean     sa_license_has_order           (SaLicense       *self,
                                             const char      *order_number);

G_END_DECLS
