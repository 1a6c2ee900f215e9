/* sa-license-row.h — one license in a list: name, quantities, status, orders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-license.h"

G_BEGIN_DECLS

#define SA_TYPE_LICENSE_ROW (sa_license_row_get_type ())
G_DECLARE_FINAL_TYPE (SaLicenseRow, sa_license_row, SA, LICENSE_ROW, AdwActionRow)

GtkWidget *sa_license_row_new               (SaLicense    *license,
                                             gboolean      show_location);
SaLicense *sa_license_row_get_license       (SaLicenseRow *self);
void       sa_license_row_set_license       (SaLicenseRow *self,
                                             SaLicense    *license);
gboolean   sa_license_row_get_show_location (SaLicenseRow *self);
void       sa_license_row_set_show_location (SaLicenseRow *self,
                                             gboolean      show_location);
char      *sa_license_dup_order_numbers     (SaLicense    *license);

G_END_DECLS
