/* sa-license-detail.h — where a quantity of a license came from
 *
 * A domain object inside an #SaLicense: the originating order, SKU, type
 * (PERPETUAL, TERM…), quantity, status and dates. With Cisco it is one entry
 * of a license's `licenseDetails[]` (`orderNumber`, `licenseSku`, …;
 * CISCO-APIS.md §1.2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SA_TYPE_LICENSE_DETAIL (sa_license_detail_get_type ())
G_DECLARE_FINAL_TYPE (SaLicenseDetail, sa_license_detail, SA, LICENSE_DETAIL, GObject)

SaLicenseDetail *sa_license_detail_new              (const char      *order_number,
                                                     const char      *license_sku,
                                                     const char      *license_type,
                                                     gint64           quantity,
                                                     const char      *status,
                                                     const char      *start_date,
                                                     const char      *end_date);
const char      *sa_license_detail_get_order_number (SaLicenseDetail *self);
const char      *sa_license_detail_get_license_sku  (SaLicenseDetail *self);
const char      *sa_license_detail_get_license_type (SaLicenseDetail *self);
gint64           sa_license_detail_get_quantity     (SaLicenseDetail *self);
const char      *sa_license_detail_get_status       (SaLicenseDetail *self);
const char      *sa_license_detail_get_start_date   (SaLicenseDetail *self);
const char      *sa_license_detail_get_end_date     (SaLicenseDetail *self);

G_END_DECLS
