-- One database per service and the gateway (run once by the postgres image on an empty volume).
CREATE DATABASE groups;
CREATE DATABASE meetings;
CREATE DATABASE economy;
CREATE DATABASE gateway;
CREATE DATABASE notifications;
