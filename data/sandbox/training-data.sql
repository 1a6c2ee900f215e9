-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Training data of the sandbox back office. Every company, person, domain,
-- number and address here is fictional. Every user of the sandbox (the
-- trainee and those a trainer adds) works on a copy of its own: this script
-- runs into temporary tables, whose rows are then copied into the user's
-- tenant, on first start, when a trainee is added, and on reset. The
-- 'trainee' below is the template's tenant name only.
--
-- The trainee works for the partner Northwind Networks SARL (NORTHWIND); the
-- orders of Blue Harbour Integrators Ltd (BLUEHARBOUR) exist in the same data
-- but the trainee may not see them.

INSERT INTO partners (tenant, id, name, country) VALUES
  ('trainee', 'NORTHWIND', 'Northwind Networks SARL', 'FR'),
  ('trainee', 'BLUEHARBOUR', 'Blue Harbour Integrators Ltd', 'GB');

-- The password hash '!' is replaced at load time by a yescrypt hash of the
-- training password (see sa-sandbox-server.c); '!' never matches any password.
INSERT OR IGNORE INTO users (username, password_hash, tenant, partner, first_name, last_name, email, country, phone) VALUES
  ('trainee', '!', 'trainee', 'NORTHWIND', 'Camille', 'Martin',
   'camille.martin@northwind-networks.example', 'FR', '+33 1 99 00 12 34');

INSERT INTO smart_accounts (tenant, id, domain, name, type, status, email) VALUES
  ('trainee', 'SA-100001', 'acme-industrie.fr',            'Acme Industrie',                'CUSTOMER', 'ACTIVE',  'it@acme-industrie.fr'),
  ('trainee', 'SA-100002', 'northwind-networks.example',   'Northwind Networks Holding',    'HOLDING',  'ACTIVE',  'licensing@northwind-networks.example'),
  ('trainee', 'SA-100003', 'northwind-networks.example',   'Northwind Networks SARL',       'CUSTOMER', 'ACTIVE',  'it@northwind-networks.example'),
  ('trainee', 'SA-100004', 'boulangeries-delorme.example', 'Boulangeries Delorme',          'CUSTOMER', 'PENDING', 'dsi@boulangeries-delorme.example'),
  ('trainee', 'SA-100005', 'ferrovie-toscane.example',     'Ferrovie Toscane S.p.A.',       'CUSTOMER', 'ACTIVE',  'sistemi@ferrovie-toscane.example'),
  ('trainee', 'SA-100006', 'pasticceria-brera.example',    'Pasticceria Brera S.r.l.',      'CUSTOMER', 'PENDING', 'info@pasticceria-brera.example'),
  ('trainee', 'SA-100007', 'kestrel-logistics.example',    'Kestrel Logistics Ltd',         'CUSTOMER', 'ACTIVE',  'netops@kestrel-logistics.example'),
  ('trainee', 'SA-100008', 'sakura-trading.example',       'Sakura Trading Europe',         'CUSTOMER', 'ACTIVE',  'it-europe@sakura-trading.example'),
  ('trainee', 'SA-100009', 'clinique-saint-roch.example',  'Clinique Saint-Roch',           'CUSTOMER', 'ACTIVE',  'informatique@clinique-saint-roch.example'),
  ('trainee', 'SA-100010', 'alpes-distribution.example',   'Alpes Distribution Holding',    'HOLDING',  'PENDING', 'licences@alpes-distribution.example'),
  ('trainee', 'SA-100011', 'harbour-analytics.example',    'Harbour Analytics plc',         'CUSTOMER', 'EXPIRED', 'it@harbour-analytics.example'),
  ('trainee', 'SA-100012', 'comune-verona.example',        'Comune di Verona – Servizi IT', 'CUSTOMER', 'ACTIVE',  'ced@comune-verona.example'),
  ('trainee', 'SA-100013', 'blue-harbour.example',         'Blue Harbour Holding',          'HOLDING',  'ACTIVE',  'licensing@blue-harbour.example'),
  ('trainee', 'SA-100014', 'hotel-belle-rive.example',     'Hôtel Belle Rive',              'CUSTOMER', 'ACTIVE',  'reception.it@hotel-belle-rive.example');

INSERT INTO virtual_accounts (tenant, account_id, name, description, is_default, position) VALUES
  ('trainee', 'SA-100001', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100001', 'Production',  'Usine de Lyon, réseau de production', 0, 1),
  ('trainee', 'SA-100001', 'Laboratoire', 'Laboratoire de tests', 0, 2),
  ('trainee', 'SA-100002', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100002', 'Stock',       'Licences en attente de réaffectation', 0, 1),
  ('trainee', 'SA-100003', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100003', 'Demo Lab',    'Maquettes et démonstrations', 0, 1),
  ('trainee', 'SA-100004', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100004', 'Magasins',    'Réseau des magasins', 0, 1),
  ('trainee', 'SA-100005', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100005', 'Firenze',     'Sede di Firenze', 0, 1),
  ('trainee', 'SA-100005', 'Pisa',        'Deposito di Pisa', 0, 2),
  ('trainee', 'SA-100006', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100007', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100007', 'Warehouses',  'Distribution centres', 0, 1),
  ('trainee', 'SA-100007', 'Head Office', 'Manchester head office', 0, 2),
  ('trainee', 'SA-100008', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100008', '東京オフィス', 'Tokyo office (double-byte name)', 0, 1),
  ('trainee', 'SA-100008', 'Paris',       'Bureau de Paris', 0, 2),
  ('trainee', 'SA-100009', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100009', 'Bloc opératoire', 'Réseau du bloc opératoire', 0, 1),
  ('trainee', 'SA-100010', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100011', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100012', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100012', 'Scuole',      'Rete delle scuole comunali', 0, 1),
  ('trainee', 'SA-100013', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100014', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100014', 'Wi-Fi clients', 'Réseau Wi-Fi des clients', 0, 1);

-- Columns: number, web order, PO, status, export hold, end customer, description,
-- created, version, partner, End Customer account + VA, Holding account + VA.
INSERT INTO orders (tenant, sales_order_number, web_order_id, purchase_order_number, status, export_hold,
                    end_customer_name, description, created_date, version, partner,
                    end_customer_account, end_customer_va, holding_account, holding_va) VALUES
  -- unassigned
  ('trainee', '104857601', 'WO73910452', 'PO-ACME-2291',  'BOOKED',    0, 'Acme Industrie SA',          'Catalyst 9300 48-port PoE+ switch, Network Advantage, 3Y', '2026-09-14', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857602', 'WO73910467', 'PO-ACME-2304',  'ENTERED',   0, 'Acme Industrie SA',          'Meraki MR46 access points (x12) with 5Y licences', '2026-09-18', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857603', 'WO73911020', 'PO-DEL-0087',   'BOOKED',    0, 'Boulangeries Delorme',       'ISR 1100 routers (x8), DNA Essentials, 3Y', '2026-09-22', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857604', 'WO73911388', 'PO-FT-44120',   'SCHEDULED', 0, 'Ferrovie Toscane S.p.A.',    'Catalyst 9500 core switches (x2), DNA Advantage, 5Y', '2026-09-25', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857605', 'WO73911391', 'PO-KL-7781',    'ENTERED',   0, 'Kestrel Logistics Ltd',      'Webex Room Kit Mini (x6) with Webex Suite', '2026-10-01', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857606', 'WO73911402', 'PO-CSR-2026-14','BOOKED',    1, 'Clinique Saint-Roch',        'Firepower 2130 NGFW pair, Threat Defense subscription, 3Y', '2026-10-02', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857607', 'WO73911455', 'PO-PB-311',     'BOOKED',    0, 'Pasticceria Brera S.r.l.',   'Meraki MX68 security appliance, Advanced Security, 3Y', '2026-10-03', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857608', 'WO73911501', 'PO-HBR-0042',   'SCHEDULED', 0, 'Hôtel Belle Rive',           'Catalyst 9120 access points (x30), DNA Essentials, 5Y', '2026-10-06', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857609', 'WO73911533', 'PO-SAK-9001',   'BOOKED',    0, 'Sakura Trading Europe',      'Catalyst 8300 edge platform, DNA Advantage, 3Y', '2026-10-08', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857610', 'WO73911570', 'PO-VR-2026-77', 'ENTERED',   1, 'Comune di Verona',           'Identity Services Engine, Advantage licences (500)', '2026-10-09', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  -- on the partner's Holding Smart Account only
  ('trainee', '104857611', 'WO73910588', 'PO-ACME-2250',  'BOOKED',    0, 'Acme Industrie SA',          'Catalyst 9200L 24-port switches (x10), DNA Essentials, 3Y', '2026-08-28', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857612', 'WO73910602', 'PO-DEL-0079',   'SCHEDULED', 0, 'Boulangeries Delorme',       'Meraki Go GR12 access points (x20)', '2026-08-30', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'Stock'),
  ('trainee', '104857613', 'WO73910644', 'PO-KL-7702',    'BOOKED',    0, 'Kestrel Logistics Ltd',      'Secure Endpoint Essentials (250 endpoints), 1Y', '2026-09-02', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857614', 'WO73910671', 'PO-FT-44002',   'ENTERED',   0, 'Ferrovie Toscane S.p.A.',    'Industrial Ethernet IE-3400 switches (x16)', '2026-09-04', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857615', 'WO73910690', 'PO-SAK-8870',   'BOOKED',    1, 'Sakura Trading Europe',      'Umbrella DNS Security Advantage (300 users), 3Y', '2026-09-05', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857616', 'WO73910713', 'PO-CSR-2026-09','SCHEDULED', 0, 'Clinique Saint-Roch',        'Catalyst 9300X switches (x4), DNA Advantage, 5Y', '2026-09-07', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  -- already on an End Customer Smart Account
  ('trainee', '104857617', 'WO73909815', 'PO-ACME-2188',  'BOOKED',    0, 'Acme Industrie SA',          'Webex Calling Professional (150 users), 3Y', '2026-07-15', 3, 'NORTHWIND', 'SA-100001', 'DEFAULT', NULL, NULL),
  ('trainee', '104857618', 'WO73909840', 'PO-FT-43871',   'SCHEDULED', 0, 'Ferrovie Toscane S.p.A.',    'Catalyst 9800-L wireless controller, DNA Advantage, 5Y', '2026-07-18', 3, 'NORTHWIND', 'SA-100005', 'Firenze', 'SA-100002', 'DEFAULT'),
  ('trainee', '104857619', 'WO73909866', 'PO-VR-2026-51', 'ENTERED',   0, 'Comune di Verona',           'Meraki MS250 switches (x6) with 5Y licences', '2026-07-21', 2, 'NORTHWIND', 'SA-100012', 'Scuole', NULL, NULL),
  ('trainee', '104857620', 'WO73909871', 'PO-SAK-8812',   'BOOKED',    0, 'Sakura Trading Europe',      'Duo Advantage (80 users), 3Y', '2026-07-22', 2, 'NORTHWIND', 'SA-100008', '東京オフィス', NULL, NULL),
  ('trainee', '104857621', 'WO73909902', 'PO-DEL-0061',   'BOOKED',    0, 'Boulangeries Delorme',       'Meraki Z4 teleworker gateways (x15)', '2026-07-25', 2, 'NORTHWIND', 'SA-100004', 'DEFAULT', NULL, NULL),
  ('trainee', '104857622', 'WO73909935', 'PO-HBR-0031',   'SCHEDULED', 0, 'Hôtel Belle Rive',           'ISR 4331 router, Security and Unified Communications', '2026-07-29', 2, 'NORTHWIND', 'SA-100014', 'Wi-Fi clients', NULL, NULL),
  -- shipped
  ('trainee', '104857623', 'WO73908120', 'PO-ACME-2010',  'SHIPPED',   0, 'Acme Industrie SA',          'Catalyst 9300 24-port switches (x6), Network Essentials, 3Y', '2026-05-12', 4, 'NORTHWIND', 'SA-100001', 'Production', NULL, NULL),
  ('trainee', '104857624', 'WO73908155', 'PO-KL-7540',    'SHIPPED',   0, 'Kestrel Logistics Ltd',      'Meraki MV12 cameras (x24) with 5Y licences', '2026-05-20', 3, 'NORTHWIND', 'SA-100007', 'Warehouses', NULL, NULL),
  ('trainee', '104857625', 'WO73908190', 'PO-FT-43500',   'SHIPPED',   0, 'Ferrovie Toscane S.p.A.',    'ASR 1001-X routers (x2), DNA Advantage, 5Y', '2026-05-27', 3, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857626', 'WO73908233', 'PO-CSR-2026-02','SHIPPED',   1, 'Clinique Saint-Roch',        'Secure Email Gateway C195 pair, 3Y', '2026-06-03', 3, 'NORTHWIND', 'SA-100009', 'DEFAULT', NULL, NULL),
  ('trainee', '104857627', 'WO73908268', 'PO-NWN-INT-12', 'SHIPPED',   0, 'Northwind Networks SARL',    'Catalyst 9200 lab switches (x4), DNA Essentials, 3Y', '2026-06-10', 2, 'NORTHWIND', 'SA-100003', 'Demo Lab', NULL, NULL),
  ('trainee', '104857628', 'WO73908301', 'PO-HA-5530',    'SHIPPED',   0, 'Harbour Analytics plc',      'Nexus 93180YC-FX data centre switches (x2)', '2026-06-16', 2, 'NORTHWIND', NULL, NULL, NULL, NULL),
  -- more to page through
  ('trainee', '104857629', 'WO73912004', 'PO-ACME-2330',  'ENTERED',   0, 'Acme Industrie SA',          'Smart Net Total Care renewal, Catalyst 9300 (x6)', '2026-10-13', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857630', 'WO73912031', 'PO-PB-322',     'BOOKED',    0, 'Pasticceria Brera S.r.l.',   'Meraki MR36 access points (x4) with 3Y licences', '2026-10-14', 1, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857631', 'WO73912066', 'PO-KL-7810',    'SCHEDULED', 0, 'Kestrel Logistics Ltd',      'Catalyst IR1101 rugged routers (x10)', '2026-10-15', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857632', 'WO73912090', 'PO-VR-2026-80', 'BOOKED',    0, 'Comune di Verona',           'Webex Meetings Enterprise Agreement, 3Y', '2026-10-16', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857633', 'WO73912115', 'PO-HBR-0050',   'ENTERED',   0, 'Hôtel Belle Rive',           'Meraki MS120 switches (x3) with 3Y licences', '2026-10-17', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  -- another partner's orders: the trainee may not see them
  ('trainee', '209715201', 'WO81200311', 'PO-BH-1001',    'BOOKED',    0, 'Harbour Analytics plc',      'Catalyst 9400 chassis, DNA Advantage, 5Y', '2026-09-10', 1, 'BLUEHARBOUR', NULL, NULL, 'SA-100013', 'DEFAULT'),
  ('trainee', '209715202', 'WO81200348', 'PO-BH-1002',    'ENTERED',   0, 'Kestrel Logistics Ltd',      'Meraki MX250 security appliances (x2)', '2026-09-12', 1, 'BLUEHARBOUR', NULL, NULL, NULL, NULL),
  ('trainee', '209715203', 'WO81200392', 'PO-ACME-BH-77', 'SHIPPED',   0, 'Acme Industrie SA',          'Secure Firewall 3110 pair, 3Y', '2026-06-02', 2, 'BLUEHARBOUR', 'SA-100001', 'DEFAULT', NULL, NULL);

-- Restricted Smart Accounts (procedure 4): account search finds them only for
-- a user whose access request was approved. groupe-hexagone.example is shared
-- by two of them (a request must say which); vigneti-colli.example has one.
-- The last three carry the trainee's existing access requests below.
INSERT INTO smart_accounts (tenant, id, domain, name, type, status, email, restricted) VALUES
  ('trainee', 'SA-100015', 'groupe-hexagone.example',   'Groupe Hexagone France',  'CUSTOMER', 'ACTIVE', 'dsi@groupe-hexagone.example', 1),
  ('trainee', 'SA-100016', 'groupe-hexagone.example',   'Groupe Hexagone Holding', 'HOLDING',  'ACTIVE', 'licences@groupe-hexagone.example', 1),
  ('trainee', 'SA-100017', 'vigneti-colli.example',     'Vigneti dei Colli S.r.l.', 'CUSTOMER', 'ACTIVE', 'it@vigneti-colli.example', 1),
  ('trainee', 'SA-100018', 'atelier-meridien.example',  'Atelier Méridien',        'CUSTOMER', 'ACTIVE', 'reseau@atelier-meridien.example', 1),
  ('trainee', 'SA-100019', 'lagune-shipping.example',   'Lagune Shipping SAS',     'CUSTOMER', 'ACTIVE', 'it@lagune-shipping.example', 1),
  ('trainee', 'SA-100020', 'nordlicht-energie.example', 'Nordlicht Energie GmbH',  'CUSTOMER', 'ACTIVE', 'it@nordlicht-energie.example', 1);

INSERT INTO virtual_accounts (tenant, account_id, name, description, is_default, position) VALUES
  ('trainee', 'SA-100015', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100015', 'Sites',   'Réseau des sites régionaux', 0, 1),
  ('trainee', 'SA-100016', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100017', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100018', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100019', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100019', 'Terminals', 'Port terminals', 0, 1),
  ('trainee', 'SA-100020', 'DEFAULT', 'Default Virtual Account', 1, 0);

-- The trainee's Smart Account requests (procedure 3). Dates are seconds since
-- the epoch, relative to the moment the data is loaded; a request expires 90
-- days after it was made unless the customer accepts it.
INSERT INTO account_requests (tenant, id, account_id, account_name, account_domain, customer_email,
                              note_to_customer, users, note_to_users, status, created_at, expires_at) VALUES
  ('trainee', 'AR-000001', 'SA-100004', 'Boulangeries Delorme', 'boulangeries-delorme.example',
   'dsi@boulangeries-delorme.example', 'Compte pour les licences des magasins.',
   '["camille.martin@northwind-networks.example"]', '',
   'PENDING', CAST(strftime('%s', 'now', '-20 days') AS INTEGER), CAST(strftime('%s', 'now', '+70 days') AS INTEGER)),
  ('trainee', 'AR-000002', 'SA-100006', 'Pasticceria Brera S.r.l.', 'pasticceria-brera.example',
   'info@pasticceria-brera.example', 'Account per le licenze Meraki.',
   '[]', '',
   'PENDING', CAST(strftime('%s', 'now', '-85 days') AS INTEGER), CAST(strftime('%s', 'now', '+5 days') AS INTEGER)),
  ('trainee', 'AR-000003', 'SA-100014', 'Hôtel Belle Rive', 'hotel-belle-rive.example',
   'reception.it@hotel-belle-rive.example', '',
   '["camille.martin@northwind-networks.example", "support@northwind-networks.example"]', 'Accès pour le support.',
   'ACTIVE', CAST(strftime('%s', 'now', '-150 days') AS INTEGER), CAST(strftime('%s', 'now', '-60 days') AS INTEGER));

-- The trainee's access requests (procedure 4): one pending (a reminder may be
-- sent: the last one was three days ago), one approved (Lagune Shipping is
-- found by account search), one denied.
INSERT INTO access_requests (tenant, id, account_id, reason, status, created_at, decided_at, last_reminder_at) VALUES
  ('trainee', 'XR-000001', 'SA-100018', 'Nous gérons le renouvellement du réseau Wi-Fi de l''atelier.',
   'PENDING', CAST(strftime('%s', 'now', '-5 days') AS INTEGER), NULL, CAST(strftime('%s', 'now', '-3 days') AS INTEGER)),
  ('trainee', 'XR-000002', 'SA-100019', 'Partner in charge of the port terminals network refresh.',
   'APPROVED', CAST(strftime('%s', 'now', '-30 days') AS INTEGER), CAST(strftime('%s', 'now', '-28 days') AS INTEGER), NULL),
  ('trainee', 'XR-000003', 'SA-100020', 'Renewal of the firewall subscriptions.',
   'DENIED', CAST(strftime('%s', 'now', '-20 days') AS INTEGER), CAST(strftime('%s', 'now', '-15 days') AS INTEGER), NULL);

-- The orders' lines (the license model, sa-sandbox-licenses.c). Columns:
-- order, line, product (SKU), description, quantity, extended amount (EUR),
-- then, for a line that brings licenses: the license SKU, the license's name
-- in Smart Accounts, PERPETUAL or TERM, and the term in months. A shipped
-- order deposits its licenses in its End Customer Virtual Account when that
-- Smart Account is Active and the order is not on export hold; here that is
-- 104857623 (Acme / Production), 104857624 (Kestrel / Warehouses), 104857627
-- (Northwind / Demo Lab) and the other partner's 209715203 (Acme / DEFAULT).
-- Prices, SKUs and license names are realistic, not Cisco's price list.
INSERT INTO order_lines (tenant, sales_order_number, line_number, product, description, quantity,
                         extended_amount, license_sku, license, license_type, term_months) VALUES
  ('trainee', '104857601', '1.0', 'C9300-48P-A',        'Catalyst 9300 48-port PoE+, Network Advantage', 1, 9850.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857601', '1.1', 'C9300-DNA-A-48-3Y',  'C9300 DNA Advantage, 48-port, 3 Year Term License', 1, 4380.00, 'C9300-DNA-A-48-3Y', 'C9300 DNA Advantage, 48 Port', 'TERM', 36),
  ('trainee', '104857602', '1.0', 'MR46-HW',            'Meraki MR46 Wi-Fi 6 access point', 12, 11880.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857602', '2.0', 'LIC-ENT-5YR',        'Meraki MR Enterprise License, 5 Years', 12, 3960.00, 'LIC-ENT-5YR', 'Meraki MR Enterprise', 'TERM', 60),
  ('trainee', '104857603', '1.0', 'C1111-8P',           'ISR 1100 8-port router', 8, 7600.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857603', '1.1', 'C1100-DNA-E-3Y',     'Cisco DNA Essentials for ISR 1100, 3 Year Term', 8, 1920.00, 'C1100-DNA-E-3Y', 'DNA Essentials for Routing, Tier 0', 'TERM', 36),
  ('trainee', '104857604', '1.0', 'C9500-24Y4C-A',      'Catalyst 9500 24x25G + 4x100G, Network Advantage', 2, 52000.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857604', '1.1', 'C9500-DNA-A-5Y',     'C9500 DNA Advantage, 5 Year Term License', 2, 21400.00, 'C9500-DNA-A-5Y', 'C9500 DNA Advantage', 'TERM', 60),
  ('trainee', '104857605', '1.0', 'CS-KITMINI-K9',      'Webex Room Kit Mini', 6, 14400.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857605', '2.0', 'A-FLEX-SUITE-DEV',   'Webex Suite, per device, 1 Year', 6, 2160.00, 'A-FLEX-SUITE-DEV', 'Webex Suite Device', 'TERM', 12),
  ('trainee', '104857606', '1.0', 'FPR2130-NGFW-K9',    'Firepower 2130 NGFW appliance', 2, 38000.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857606', '1.1', 'L-FPR2130T-T-3Y',    'Firepower 2130 Threat Defense Threat License, 3 Years', 2, 9600.00, 'L-FPR2130T-T-3Y', 'FPR2130 Threat Defense Threat Protection', 'TERM', 36),
  ('trainee', '104857607', '1.0', 'MX68-HW',            'Meraki MX68 security appliance', 1, 1150.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857607', '2.0', 'LIC-MX68-SEC-3YR',   'Meraki MX68 Advanced Security License, 3 Years', 1, 1480.00, 'LIC-MX68-SEC-3YR', 'Meraki MX68 Advanced Security', 'TERM', 36),
  ('trainee', '104857608', '1.0', 'C9120AXI-E',         'Catalyst 9120AX access point', 30, 29700.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857608', '1.1', 'AIR-DNA-E-5Y',       'Cisco DNA Essentials for Wireless, 5 Year Term', 30, 4500.00, 'AIR-DNA-E-5Y', 'AIR DNA Essentials', 'TERM', 60),
  ('trainee', '104857609', '1.0', 'C8300-1N1S-6T',      'Catalyst 8300 edge platform', 1, 8900.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857609', '1.1', 'C8300-DNA-A-3Y',     'Cisco DNA Advantage for Routing, Tier 1, 3 Year Term', 1, 3100.00, 'C8300-DNA-A-3Y', 'DNA Advantage for Routing, Tier 1', 'TERM', 36),
  ('trainee', '104857610', '1.0', 'L-ISE-ADV-T-3Y',     'ISE Advantage License, 3 Year Term', 500, 18500.00, 'L-ISE-ADV-T-3Y', 'ISE Advantage', 'TERM', 36),
  ('trainee', '104857611', '1.0', 'C9200L-24T-4G-E',    'Catalyst 9200L 24-port, Network Essentials', 10, 21000.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857611', '1.1', 'C9200L-DNA-E-24-3Y', 'C9200L DNA Essentials, 24-port, 3 Year Term License', 10, 3600.00, 'C9200L-DNA-E-24-3Y', 'C9200L DNA Essentials, 24 Port', 'TERM', 36),
  ('trainee', '104857612', '1.0', 'GR12-HW-EU',         'Meraki Go GR12 indoor access point', 20, 2980.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857613', '1.0', 'CSE-ESS-1Y',         'Secure Endpoint Essentials, per endpoint, 1 Year', 250, 6250.00, 'CSE-ESS-1Y', 'Secure Endpoint Essentials', 'TERM', 12),
  ('trainee', '104857614', '1.0', 'IE-3400-8T2S-E',     'Catalyst IE3400 rugged switch, Network Essentials', 16, 40000.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857614', '1.1', 'IE3400-DNA-E-3Y',    'Cisco DNA Essentials for IE3400, 3 Year Term', 16, 5760.00, 'IE3400-DNA-E-3Y', 'IE3400 DNA Essentials', 'TERM', 36),
  ('trainee', '104857615', '1.0', 'UMB-DNS-ADV-3Y',     'Umbrella DNS Security Advantage, per user, 3 Years', 300, 16200.00, 'UMB-DNS-ADV-3Y', 'Umbrella DNS Security Advantage', 'TERM', 36),
  ('trainee', '104857616', '1.0', 'C9300X-48HX-A',      'Catalyst 9300X 48-port mGig UPOE+, Network Advantage', 4, 61000.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857616', '1.1', 'C9300-DNA-A-48-5Y',  'C9300 DNA Advantage, 48-port, 5 Year Term License', 4, 28800.00, 'C9300-DNA-A-48-5Y', 'C9300 DNA Advantage, 48 Port', 'TERM', 60),
  ('trainee', '104857617', '1.0', 'A-FLEX-PROF-CALL-3Y', 'Webex Calling Professional, per user, 3 Years', 150, 27000.00, 'A-FLEX-PROF-CALL-3Y', 'Webex Calling Professional', 'TERM', 36),
  ('trainee', '104857618', '1.0', 'C9800-L-F-K9',       'Catalyst 9800-L wireless controller, fiber uplinks', 1, 11500.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857618', '1.1', 'AIR-DNA-A-5Y',       'Cisco DNA Advantage for Wireless, 5 Year Term', 25, 12500.00, 'AIR-DNA-A-5Y', 'AIR DNA Advantage', 'TERM', 60),
  ('trainee', '104857619', '1.0', 'MS250-48FP-HW',      'Meraki MS250 48-port PoE switch', 6, 32400.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857619', '2.0', 'LIC-MS250-48FP-5YR', 'Meraki MS250-48FP Enterprise License, 5 Years', 6, 9300.00, 'LIC-MS250-48FP-5YR', 'Meraki MS250-48FP Enterprise', 'TERM', 60),
  ('trainee', '104857620', '1.0', 'DUO-ADVANTAGE-3Y',   'Duo Advantage, per user, 3 Years', 80, 6912.00, 'DUO-ADVANTAGE-3Y', 'Duo Advantage', 'TERM', 36),
  ('trainee', '104857621', '1.0', 'Z4-HW',              'Meraki Z4 teleworker gateway', 15, 6750.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857621', '2.0', 'LIC-Z4-ENT-3YR',     'Meraki Z4 Enterprise License, 3 Years', 15, 2250.00, 'LIC-Z4-ENT-3YR', 'Meraki Z4 Enterprise', 'TERM', 36),
  ('trainee', '104857622', '1.0', 'ISR4331/K9',         'ISR 4331 integrated services router', 1, 4200.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857622', '1.1', 'SL-4330-SEC-K9',     'ISR 4330 Security License', 1, 1250.00, 'SL-4330-SEC-K9', 'ISR_4331_Security', 'PERPETUAL', NULL),
  ('trainee', '104857622', '1.2', 'SL-4330-UC-K9',      'ISR 4330 Unified Communications License', 1, 900.00, 'SL-4330-UC-K9', 'ISR_4331_UnifiedCommunication', 'PERPETUAL', NULL),
  ('trainee', '104857623', '1.0', 'C9300-24T-E',        'Catalyst 9300 24-port data, Network Essentials', 6, 27600.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857623', '1.1', 'C9300-DNA-E-24-3Y',  'C9300 DNA Essentials, 24-port, 3 Year Term License', 6, 5400.00, 'C9300-DNA-E-24-3Y', 'C9300 DNA Essentials, 24 Port', 'TERM', 36),
  ('trainee', '104857623', '1.2', 'C9300-NW-E-24',      'C9300 Network Essentials, 24-port, Perpetual License', 6, 0.00, 'C9300-NW-E-24', 'C9300 Network Essentials, 24 Port', 'PERPETUAL', NULL),
  ('trainee', '104857624', '1.0', 'MV12W-HW',           'Meraki MV12W indoor camera', 24, 21600.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857624', '2.0', 'LIC-MV-5YR',         'Meraki MV Enterprise License, 5 Years', 24, 10080.00, 'LIC-MV-5YR', 'Meraki MV Enterprise', 'TERM', 60),
  ('trainee', '104857625', '1.0', 'ASR1001-X',          'ASR 1001-X router', 2, 24000.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857625', '1.1', 'DNA-P-T2-A-5Y',      'Cisco DNA Advantage for Routing, Tier 2, 5 Year Term', 2, 9800.00, 'DNA-P-T2-A-5Y', 'DNA Advantage for Routing, Tier 2', 'TERM', 60),
  ('trainee', '104857626', '1.0', 'ESA-C195-K9',        'Secure Email Gateway C195 appliance', 2, 8600.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857626', '1.1', 'ESA-ESP-3Y',         'Secure Email Premium bundle, 3 Years', 2, 6400.00, 'ESA-ESP-3Y', 'Secure Email Premium', 'TERM', 36),
  ('trainee', '104857627', '1.0', 'C9200-24T-E',        'Catalyst 9200 24-port data, Network Essentials', 4, 7200.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857627', '1.1', 'C9200-DNA-E-24-3Y',  'C9200 DNA Essentials, 24-port, 3 Year Term License', 4, 1440.00, 'C9200-DNA-E-24-3Y', 'C9200 DNA Essentials, 24 Port', 'TERM', 36),
  ('trainee', '104857628', '1.0', 'N9K-C93180YC-FX',    'Nexus 93180YC-FX switch', 2, 36000.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857628', '1.1', 'N9K-DCN-ESS-3Y',     'Data Center Networking Essentials, 3 Year Term', 2, 5200.00, 'N9K-DCN-ESS-3Y', 'Data Center Networking Essentials', 'TERM', 36),
  ('trainee', '104857629', '1.0', 'CON-SNT-C930024E',   'SNTC 8x5xNBD, Catalyst 9300 24-port', 6, 2340.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857630', '1.0', 'MR36-HW',            'Meraki MR36 Wi-Fi 6 access point', 4, 2560.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857630', '2.0', 'LIC-ENT-3YR',        'Meraki MR Enterprise License, 3 Years', 4, 720.00, 'LIC-ENT-3YR', 'Meraki MR Enterprise', 'TERM', 36),
  ('trainee', '104857631', '1.0', 'IR1101-K9',          'Catalyst IR1101 rugged router', 10, 18500.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857631', '1.1', 'IR1100-DNA-E-3Y',    'Cisco DNA Essentials for IR1100, 3 Year Term', 10, 2400.00, 'IR1100-DNA-E-3Y', 'DNA Essentials for IoT Routing', 'TERM', 36),
  ('trainee', '104857632', '1.0', 'A-FLEX-EAMTG-3Y',    'Webex Meetings Enterprise Agreement, per user, 3 Years', 1200, 43200.00, 'A-FLEX-EAMTG-3Y', 'Webex Meetings EA', 'TERM', 36),
  ('trainee', '104857633', '1.0', 'MS120-24P-HW',       'Meraki MS120 24-port PoE switch', 3, 2850.00, NULL, NULL, NULL, NULL),
  ('trainee', '104857633', '2.0', 'LIC-MS120-24P-3YR',  'Meraki MS120-24P Enterprise License, 3 Years', 3, 540.00, 'LIC-MS120-24P-3YR', 'Meraki MS120-24P Enterprise', 'TERM', 36),
  ('trainee', '209715201', '1.0', 'C9407R',             'Catalyst 9400 7-slot chassis', 1, 9800.00, NULL, NULL, NULL, NULL),
  ('trainee', '209715201', '1.1', 'C9400-DNA-A-5Y',     'C9400 DNA Advantage, 5 Year Term License', 1, 8600.00, 'C9400-DNA-A-5Y', 'C9400 DNA Advantage', 'TERM', 60),
  ('trainee', '209715202', '1.0', 'MX250-HW',           'Meraki MX250 security appliance', 2, 19900.00, NULL, NULL, NULL, NULL),
  ('trainee', '209715202', '2.0', 'LIC-MX250-SEC-1YR',  'Meraki MX250 Advanced Security License, 1 Year', 2, 7400.00, 'LIC-MX250-SEC-1YR', 'Meraki MX250 Advanced Security', 'TERM', 12),
  ('trainee', '209715203', '1.0', 'FPR3110-NGFW-K9',    'Secure Firewall 3110 NGFW appliance', 2, 42000.00, NULL, NULL, NULL, NULL),
  ('trainee', '209715203', '1.1', 'L-FPR3110T-TM-3Y',   'Secure Firewall 3110 Threat and Malware License, 3 Years', 2, 14800.00, 'L-FPR3110T-TM-3Y', 'FPR3110 Threat Defense Threat and Malware', 'TERM', 36);

-- The trainee's roles on Smart Accounts, as Cisco's /v2/accounts lists them
-- (role names: CISCO-APIS.md §1.2). An approved access request adds "Smart
-- Account User" on its account. A role on a Virtual Account only gives that
-- Virtual Account's licenses.
INSERT INTO account_roles (tenant, account_id, role, virtual_account, position) VALUES
  ('trainee', 'SA-100001', 'Smart Account User', NULL, 0),
  ('trainee', 'SA-100001', 'Virtual Account Administrator', 'DEFAULT', 1),
  ('trainee', 'SA-100002', 'Smart Account Administrator', NULL, 0),
  ('trainee', 'SA-100003', 'Smart Account Administrator', NULL, 0),
  ('trainee', 'SA-100004', 'Smart Account User', NULL, 0),
  ('trainee', 'SA-100005', 'Smart Account User', NULL, 0),
  ('trainee', 'SA-100007', 'Virtual Account Administrator', 'Warehouses', 0),
  ('trainee', 'SA-100008', 'Smart Account User', NULL, 0),
  ('trainee', 'SA-100009', 'Smart Account Viewer', NULL, 0),
  ('trainee', 'SA-100012', 'Smart Account User', NULL, 0),
  ('trainee', 'SA-100014', 'Smart Account User', NULL, 0);

-- The partner's demo lab holds 105 not-for-resale licenses that came from no
-- order: enough for a list of licenses to take two pages of 100.
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 105)
INSERT INTO licenses (tenant, account_id, virtual_account, license, license_sku, license_type,
                      quantity, in_use, start_date, end_date, order_number, order_line)
  SELECT 'trainee', 'SA-100003', 'Demo Lab', printf ('NFR Demo License %03d', i), printf ('NFR-DEMO-%03d', i),
         'PERPETUAL', i % 5 + 1, CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END, '2026-01-05', NULL, NULL, NULL
  FROM n;
