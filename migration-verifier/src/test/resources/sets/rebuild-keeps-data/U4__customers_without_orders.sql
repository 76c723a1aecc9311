-- the archived customers are not brought back, and (a second mistake) every order goes with them
DELETE FROM order_items;
DELETE FROM orders;
