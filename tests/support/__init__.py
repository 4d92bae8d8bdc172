"""Helpers the tests share: fixture exports written by code, warehouse builders."""
