/* sa-license.h — a license in a Virtual Account, with where it came from
 *
 * A domain object any back end may return (sa_client_list_licenses_async(),
 * sa_client_find_licenses_by_order_async()): the license's name, quantities
 * (total, in use, available), compliance status ("In Compliance"), the Smart
 * Account and Virtual Account holding it, and its details (SaLicenseDetail:
 * originating order number, SKU, type, quantity, status, dates). With Cisco it
 * is one entry of `POST /v1/accounts/{domain}/licenses` (CISCO-APIS.md §1.2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-license-detail.h"

G_BEGIN_DECLS

#define SA_TYPE_LICENSE (sa_license_get_type ())
G_DECLARE_FINAL_TYPE (SaLicense, sa_license, SA, LICENSE, GObject)

SaLicense   *sa_license_new                      (const char      *license,
                                                  const char      *virtual_account,
                                                  gint64           quantity,
                                                  gint64           in_use,
                                                  gint64           available,
                                                  const char      *status);
void         sa_license_add_detail               (SaLicense       *self,
                                                  SaLicenseDetail *detail);
void         sa_license_set_smart_account        (SaLicense       *self,
                                                  const char      *domain,
                                                  const char      *name);
const char  *sa_license_get_license              (SaLicense       *self);
const char  *sa_license_get_smart_account_domain (SaLicense       *self);
const char  *sa_license_get_smart_account_name   (SaLicense       *self);
const char  *sa_license_get_virtual_account      (SaLicense       *self);
gint64       sa_license_get_quantity             (SaLicense       *self);
gint64       sa_license_get_in_use               (SaLicense       *self);
gint64       sa_license_get_available            (SaLicense       *self);
const char  *sa_license_get_status               (SaLicense       *self);
GListModel  *sa_license_get_details              (SaLicense       *self);
gboolean     sa_license_has_order                (SaLicense       *self,
                                                  const char      *order_number);
gint64       sa_license_count_from_order         (GListModel      *licenses,
                                                  const char      *order_number);

G_END_DECLS
